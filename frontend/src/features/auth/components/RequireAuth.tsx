import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { useIsAuthenticated } from "../api/session";

export function RequireAuth({ children, loginPath }: { children: ReactNode; loginPath: string }) {
  const authenticated = useIsAuthenticated();
  const location = useLocation();
  if (!authenticated) {
    return (
      <Navigate to={loginPath} replace state={{ from: location.pathname + location.search }} />
    );
  }
  return children;
}
