import { useLocation } from "@remix-run/react";
import { AppProvider, Button, EmptyState, Page } from "@shopify/polaris";
import polarisTranslations from "@shopify/polaris/locales/en.json";
import { createI18n } from "~/i18n/i18n";
import { resolveLocale, type Locale } from "~/i18n/locales";
import de from "~/i18n/locales/de/common.json";
import en from "~/i18n/locales/en/common.json";
import es from "~/i18n/locales/es/common.json";
import fr from "~/i18n/locales/fr/common.json";
import it from "~/i18n/locales/it/common.json";

const COMMON: Record<Locale, typeof en> = { en, it, es, fr, de };

/**
 * The page for a 503 (the database cannot answer; see database-unavailable.server.ts), in the user's
 * language when it is known: the layout's, else Shopify admin's ?locale=, else English. Its few
 * strings ship in every language, as the page cannot wait for the server that failed to send them.
 */
export function ServiceUnavailable({ locale }: { locale?: Locale }) {
  const requested = new URLSearchParams(useLocation().search).get("locale");
  const language = locale ?? resolveLocale(requested);
  const { t } = createI18n(language, { common: COMMON[language] });
  return (
    <AppProvider i18n={polarisTranslations}>
      <Page>
        <EmptyState heading={t("errorPage.unavailable")} image="">
          <p>{t("errorPage.unavailableBody")}</p>
          <Button onClick={() => window.location.reload()}>{t("errorPage.reload")}</Button>
        </EmptyState>
      </Page>
    </AppProvider>
  );
}
