import { lazy, type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Route, Routes } from "react-router";
import { AgendaPage } from "@/features/agenda/components/AgendaPage";
import { SessionPage } from "@/features/agenda/components/SessionPage";
import { LoginPage } from "@/features/auth/components/LoginPage";
import { OidcLandingPage } from "@/features/auth/components/OidcLandingPage";
import { RequireAuth } from "@/features/auth/components/RequireAuth";
import { BookingPanel } from "@/features/booking/components/BookingPanel";
import { DossierPage } from "@/features/dossiers/components/DossierPage";
import { DossiersPage } from "@/features/dossiers/components/DossiersPage";
import { NewDossierPage } from "@/features/dossiers/components/NewDossierPage";
import { InquiriesPanel } from "@/features/inquiries/components/InquiriesPanel";
import { InstructionPanel } from "@/features/instruction/components/InstructionPanel";
import { DeadlineLine } from "@/features/opinions/components/DeadlineLine";
import { DecisionSummary } from "@/features/opinions/components/DecisionSummary";
import { OpinionsPanel } from "@/features/opinions/components/OpinionsPanel";
import { PaymentsPanel } from "@/features/payments/components/PaymentsPanel";
import { ReviewQueuePage } from "@/features/review/components/ReviewQueuePage";
import { DocumentsPanel } from "@/features/signatures/components/DocumentsPanel";
import { SessionMinutesPanel } from "@/features/signatures/components/SessionMinutesPanel";
import { paths } from "@/lib/paths";
import { AppLayout } from "./layout/AppLayout";
import { NotFound } from "./layout/NotFound";
import { PublicLayout } from "./layout/PublicLayout";

/** The viewer and its tools load when first opened: most visits never need them. */
const PlanViewerPage = lazy(() =>
  import("@/features/plan-viewer/components/PlanViewerPage").then((module) => ({
    default: module.PlanViewerPage,
  })),
);

const DeadlinesPage = lazy(() =>
  import("@/features/opinions/components/DeadlinesPage").then((module) => ({
    default: module.DeadlinesPage,
  })),
);

const NotificationPreferencesPage = lazy(() =>
  import("@/features/notifications/components/NotificationPreferencesPage").then((module) => ({
    default: module.NotificationPreferencesPage,
  })),
);

const WebhooksPage = lazy(() =>
  import("@/features/webhooks/components/WebhooksPage").then((module) => ({
    default: module.WebhooksPage,
  })),
);

const DocumentPage = lazy(() =>
  import("@/features/signatures/components/DocumentPage").then((module) => ({
    default: module.DocumentPage,
  })),
);

const ToSignPage = lazy(() =>
  import("@/features/signatures/components/ToSignPage").then((module) => ({
    default: module.ToSignPage,
  })),
);

/** Public pages (the QR code on every signed page leads there): no login needed. */
const VerifyPage = lazy(() =>
  import("@/features/signatures/components/VerifyPage").then((module) => ({
    default: module.VerifyPage,
  })),
);

const VerifyCodePage = lazy(() =>
  import("@/features/signatures/components/VerifyCodePage").then((module) => ({
    default: module.VerifyCodePage,
  })),
);

const CertificatesPage = lazy(() =>
  import("@/features/certificates/components/CertificatesPage").then((module) => ({
    default: module.CertificatesPage,
  })),
);

/** The public portal; the map page brings Leaflet with it. */
const MapPage = lazy(() =>
  import("@/features/portal/components/MapPage").then((module) => ({
    default: module.MapPage,
  })),
);

const OpenDataPage = lazy(() =>
  import("@/features/portal/components/OpenDataPage").then((module) => ({
    default: module.OpenDataPage,
  })),
);

/** The public catalogue of procedures: documents, deadlines, fees; "File a dossier" from there. */
const ProceduresPage = lazy(() =>
  import("@/features/procedures/components/ProceduresPage").then((module) => ({
    default: module.ProceduresPage,
  })),
);

/** The public inquiries open now; a signed-in visitor sends observations from there. */
const PublicInquiriesPage = lazy(() =>
  import("@/features/inquiries/components/PublicInquiriesPage").then((module) => ({
    default: module.PublicInquiriesPage,
  })),
);

function Lazy({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return <Suspense fallback={<p className="muted">{t("app.loading")}</p>}>{children}</Suspense>;
}

function LazyViewer() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="muted">{t("viewer.loading")}</p>}>
      <PlanViewerPage />
    </Suspense>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path={paths.login} element={<LoginPage redirectTo={paths.dossiers} />} />
        <Route path={paths.oidcLanding} element={<OidcLandingPage redirectTo={paths.dossiers} />} />
        <Route
          path={paths.verify}
          element={
            <Lazy>
              <VerifyPage />
            </Lazy>
          }
        />
        <Route
          path="/verify/:code"
          element={
            <Lazy>
              <VerifyCodePage />
            </Lazy>
          }
        />
        <Route
          path={paths.map}
          element={
            <Lazy>
              <MapPage />
            </Lazy>
          }
        />
        <Route
          path={paths.openData}
          element={
            <Lazy>
              <OpenDataPage />
            </Lazy>
          }
        />
        <Route
          path={paths.inquiries}
          element={
            <Lazy>
              <PublicInquiriesPage />
            </Lazy>
          }
        />
        <Route
          path={paths.procedures}
          element={
            <Lazy>
              <ProceduresPage />
            </Lazy>
          }
        />
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
        <Route
          path="/dossiers/:dossierId"
          element={
            <DossierPage
              renderBooking={(dossier) => <BookingPanel dossierId={dossier.id} />}
              renderInstruction={(dossier) => <InstructionPanel dossier={dossier} />}
              renderInquiries={(dossier) => <InquiriesPanel dossier={dossier} />}
              renderDecision={(decision) => <DecisionSummary decision={decision} />}
              renderDeadline={(deadline) => <DeadlineLine deadline={deadline} />}
              renderOpinions={(dossier) => <OpinionsPanel dossier={dossier} />}
              renderDocuments={(dossier) => <DocumentsPanel dossier={dossier} />}
              renderPayments={(dossier) => (
                <PaymentsPanel key={`payments-${dossier.id}`} dossier={dossier} />
              )}
            />
          }
        />
        <Route path={paths.agenda} element={<AgendaPage />} />
        <Route
          path="/agenda/sessions/:sessionId"
          element={
            <SessionPage
              renderMinutes={(session) => <SessionMinutesPanel sessionId={session.id} />}
            />
          }
        />
        <Route path={paths.reviews} element={<ReviewQueuePage />} />
        <Route
          path={paths.deadlines}
          element={
            <Lazy>
              <DeadlinesPage />
            </Lazy>
          }
        />
        <Route
          path={paths.notificationSettings}
          element={
            <Lazy>
              <NotificationPreferencesPage />
            </Lazy>
          }
        />
        <Route
          path={paths.webhooks}
          element={
            <Lazy>
              <WebhooksPage />
            </Lazy>
          }
        />
        <Route
          path={paths.documents}
          element={
            <Lazy>
              <ToSignPage />
            </Lazy>
          }
        />
        <Route
          path="/documents/:documentId"
          element={
            <Lazy>
              <DocumentPage />
            </Lazy>
          }
        />
        <Route
          path={paths.certificates}
          element={
            <Lazy>
              <CertificatesPage />
            </Lazy>
          }
        />
        <Route path="/plan-versions/:versionId" element={<LazyViewer />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
