import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Link,
  Outlet,
  isRouteErrorResponse,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { AppProvider, Button, Card, EmptyState, Page, type AppProviderProps } from "@shopify/polaris";
import { useState, type ComponentProps, type ReactNode } from "react";
import { I18nProvider, useTranslation } from "~/i18n/use-translation";
import { ConsoleFrame } from "~/components/agent/ConsoleFrame";
import { consoleResources } from "~/agent/console-i18n.server";
import { currentAgent } from "~/agent/session.server";
import { agentTimeZone } from "~/agent/time-zone";
import { db } from "~/db.server";
import { createI18n } from "~/i18n/i18n";
import { requestLocale } from "~/i18n/request-locale.server";
import { polarisTranslations } from "~/i18n/resources.server";

/** The agent console lives outside Shopify admin: its own Polaris shell, language and sign-in. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const agent = await currentAgent(db, request);
  const locale = requestLocale(request);
  return {
    locale,
    resources: consoleResources(locale),
    polaris: (await polarisTranslations[locale]()).default,
    agent: agent ? { id: agent.id, name: agent.name, email: agent.email, role: agent.role } : null,
    csrfToken: agent?.csrfToken ?? null,
    timeZone: agentTimeZone(request.headers.get("Cookie")),
  };
};

export const meta: MetaFunction = () => [
  { title: "SPL Support — agents" },
  { name: "robots", content: "noindex" },
];

type LinkLikeComponentProps = ComponentProps<NonNullable<AppProviderProps["linkComponent"]>>;

/** Polaris links navigate inside the app; downloads and external links stay plain anchors. */
function ConsoleLink({ url, external, download, children, ...rest }: LinkLikeComponentProps) {
  if (external || download) {
    return (
      <a
        href={url}
        download={download}
        {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})}
        {...rest}
      >
        {children}
      </a>
    );
  }
  return (
    <Link to={url} {...rest}>
      {children}
    </Link>
  );
}

function ConsoleProviders({
  data,
  children,
}: {
  data: ReturnType<typeof useLoaderData<typeof loader>>;
  children: ReactNode;
}) {
  const [i18n] = useState(() => createI18n(data.locale, data.resources));
  return (
    <AppProvider i18n={data.polaris} linkComponent={ConsoleLink}>
      <I18nProvider i18n={i18n}>{children}</I18nProvider>
    </AppProvider>
  );
}

export default function AgentConsole() {
  const data = useLoaderData<typeof loader>();
  return (
    <ConsoleProviders data={data}>
      {data.agent && data.csrfToken ? (
        <ConsoleFrame agent={data.agent} csrfToken={data.csrfToken}>
          <Outlet />
        </ConsoleFrame>
      ) : (
        <Outlet />
      )}
    </ConsoleProviders>
  );
}

function ErrorPage({ status }: { status: number }) {
  const { t } = useTranslation("agent");
  const kind =
    status === 403 ? "forbidden" : status === 404 ? "notFound" : status === 503 ? "unavailable" : "failed";
  return (
    <Page narrowWidth>
      <Card>
        <EmptyState heading={t(`errorPage.${kind}.title`)} image="">
          <p>{t(`errorPage.${kind}.body`)}</p>
          <Button url="/agent">{t("errorPage.back")}</Button>
        </EmptyState>
      </Card>
    </Page>
  );
}

/** Refused requests and missing pages, in the agent's language; without the layout's data the root boundary takes over. */
export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("routes/agent");
  if (!data) throw error;
  return (
    <ConsoleProviders data={data}>
      <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />
    </ConsoleProviders>
  );
}
