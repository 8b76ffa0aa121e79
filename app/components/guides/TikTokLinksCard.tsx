import { BlockStack, Card, Link, List, Text } from "@shopify/polaris";
import { useTranslation } from "~/i18n/use-translation";
import { TIKTOK_LINKS } from "../../support/guides/tiktok-links";

/** TikTok's own public pages, opened outside Shopify admin: they are TikTok's, not part of this app. */
export function TikTokLinksCard() {
  const { t } = useTranslation("guides");
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("links.heading")}
        </Text>
        <Text as="p">{t("links.intro")}</Text>
        <List>
          {TIKTOK_LINKS.map((link) => (
            <List.Item key={link.id}>
              <Link url={link.url} target="_blank">
                {t(link.labelKey)}
              </Link>
            </List.Item>
          ))}
        </List>
      </BlockStack>
    </Card>
  );
}
