import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { Field } from "@/components/Field";
import { useLogin } from "../api/login";
import { useIsAuthenticated } from "../api/session";
import { OidcLoginButton } from "./OidcLoginButton";

function fromState(state: unknown): string | null {
  if (state && typeof state === "object" && "from" in state && typeof state.from === "string") {
    return state.from.startsWith("/") && !state.from.startsWith("/login") ? state.from : null;
  }
  return null;
}

export function LoginPage({ redirectTo }: { redirectTo: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const authenticated = useIsAuthenticated();
  const loginMutation = useLogin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const target = fromState(location.state) ?? redirectTo;

  if (authenticated && !loginMutation.isPending) return <Navigate to={target} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    loginMutation.mutate(
      { email: email.trim(), password },
      { onSuccess: () => void navigate(target, { replace: true }) },
    );
  };

  const error = loginMutation.error;
  const message = !error
    ? null
    : error.status === 400 || error.status === 401
      ? t("auth.invalidCredentials")
      : error.body.detail || t("app.genericError");

  return (
    <div className="login">
      <form className="card login__card" onSubmit={onSubmit} noValidate data-testid="login-form">
        <h1>{t("auth.title")}</h1>
        <p className="muted">{t("auth.intro")}</p>
        {message && (
          <div className="alert alert--error" role="alert">
            {message}
          </div>
        )}
        <Field label={t("auth.email")}>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </Field>
        <Field label={t("auth.password")}>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </Field>
        <button type="submit" className="button" disabled={loginMutation.isPending}>
          {loginMutation.isPending ? t("auth.submitting") : t("auth.submit")}
        </button>
        <OidcLoginButton next={target} />
      </form>
    </div>
  );
}
