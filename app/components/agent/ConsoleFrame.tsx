import { useLocation, useRevalidator, useSubmit } from "@remix-run/react";
import { Frame, Navigation, TopBar } from "@shopify/polaris";
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { CSRF_FIELD } from "~/agent/csrf";
import { TIME_ZONE_COOKIE } from "~/agent/time-zone";
import { useConsole } from "./use-console";

interface ConsoleAgent {
  name: string;
  email: string;
  role: string;
}

function initialsOf(name: string) {
  return name
    .split(/\s+/)
    .map((part) => part[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();
}

/** The signed-in console: top bar with the agent's menu, navigation between queue and dashboard. */
export function ConsoleFrame({
  agent,
  csrfToken,
  children,
}: {
  agent: ConsoleAgent;
  csrfToken: string;
  children: ReactNode;
}) {
  const { t } = useTranslation("agent");
  const { pathname } = useLocation();
  const submit = useSubmit();
  const [menuOpen, setMenuOpen] = useState(false);
  const [mobileNavigation, setMobileNavigation] = useState(false);
  const { timeZone } = useConsole();
  const revalidator = useRevalidator();

  // Times show in the agent's own time zone: the browser tells the server once, then the page redraws.
  useEffect(() => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!browserZone || browserZone === timeZone) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(browserZone)}; path=/agent; max-age=31536000; SameSite=Lax`;
    revalidator.revalidate();
    // Once per zone the server does not know yet.
  }, [timeZone]);

  const signOut = () => submit({ [CSRF_FIELD]: csrfToken }, { method: "post", action: "/agent/sign-out" });

  const topBar = (
    <TopBar
      showNavigationToggle
      onNavigationToggle={() => setMobileNavigation((open) => !open)}
      userMenu={
        <TopBar.UserMenu
          name={agent.name}
          detail={t(`roles.${agent.role}`)}
          initials={initialsOf(agent.name)}
          open={menuOpen}
          onToggle={() => setMenuOpen((open) => !open)}
          actions={[{ items: [{ content: t("nav.signOut"), onAction: signOut }] }]}
        />
      }
    />
  );

  const navigation = (
    <Navigation location={pathname}>
      <Navigation.Section
        title={t("nav.title")}
        items={[
          {
            url: "/agent",
            label: t("nav.queue"),
            exactMatch: true,
            matches: pathname === "/agent" || pathname.startsWith("/agent/tickets"),
          },
          { url: "/agent/dashboard", label: t("nav.dashboard") },
          { url: "/agent/canned-replies", label: t("nav.cannedReplies") },
        ]}
      />
      {agent.role === "admin" ? (
        <Navigation.Section
          title={t("nav.admin")}
          items={[
            { url: "/agent/admin/agents", label: t("nav.agents") },
            { url: "/agent/admin/sla", label: t("nav.sla") },
          ]}
        />
      ) : null}
    </Navigation>
  );

  return (
    <Frame
      topBar={topBar}
      navigation={navigation}
      showMobileNavigation={mobileNavigation}
      onNavigationDismiss={() => setMobileNavigation(false)}
    >
      {children}
    </Frame>
  );
}
