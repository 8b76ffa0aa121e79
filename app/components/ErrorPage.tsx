import { AppProvider, Button, EmptyState, Page } from "@shopify/polaris";
import polarisTranslations from "@shopify/polaris/locales/en.json";
import common from "~/i18n/locales/en/common.json";
import { createI18n } from "~/i18n/i18n";

/**
 * Last resort when a page failed before its language was known: English, from the same resources
 * as everything else.
 */
export function ErrorPage({ notFound }: { notFound: boolean }) {
  const { t } = createI18n("en", { common });
  return (
    <AppProvider i18n={polarisTranslations}>
      <Page>
        <EmptyState heading={t(notFound ? "errorPage.notFound" : "errorPage.failed")} image="">
          <p>{t(notFound ? "errorPage.notFoundBody" : "errorPage.failedBody")}</p>
          <Button url="/">{t("errorPage.back")}</Button>
        </EmptyState>
      </Page>
    </AppProvider>
  );
}
