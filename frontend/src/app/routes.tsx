import { Navigate, Route, Routes } from "react-router";
import { LoginPage } from "@/features/auth/components/LoginPage";
import { RequireAuth } from "@/features/auth/components/RequireAuth";
import { DossierPage } from "@/features/dossiers/components/DossierPage";
import { DossiersPage } from "@/features/dossiers/components/DossiersPage";
import { NewDossierPage } from "@/features/dossiers/components/NewDossierPage";
import { paths } from "@/lib/paths";
import { AppLayout } from "./layout/AppLayout";
import { NotFound } from "./layout/NotFound";
import { PublicLayout } from "./layout/PublicLayout";

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path={paths.login} element={<LoginPage redirectTo={paths.dossiers} />} />
      </Route>
      <Route
        element={
          <RequireAuth loginPath={paths.login}>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to={paths.dossiers} replace />} />
        <Route path={paths.dossiers} element={<DossiersPage />} />
        <Route path={paths.newDossier} element={<NewDossierPage />} />
        <Route path="/dossiers/:dossierId" element={<DossierPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
