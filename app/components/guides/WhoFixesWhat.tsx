import { BlockStack, Box, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { useTranslation } from "~/i18n/use-translation";
import { GUIDES, isGuideChannel } from "../../support/guides/content";
import { responsibilityMatrix, type Responsibility } from "../../support/guides/responsibility";

/** The responsibility matrix, one card per party that fixes problems, one block per category. */
export function WhoFixesWhat() {
  const { t } = useTranslation("support");
  return (
    <BlockStack gap="400">
      {responsibilityMatrix().map(({ fixer, rows }) => (
        <Card key={fixer}>
          <BlockStack gap="300">
            <BlockStack gap="100">
              <Text as="h2" variant="headingMd">
                {t(`whoFixesWhat.fixers.${fixer}.heading`)}
              </Text>
              <Text as="p" tone="subdued">
                {t(`whoFixesWhat.fixers.${fixer}.why`)}
              </Text>
            </BlockStack>
            {rows.map((row) => (
              <CategoryRow key={row.category} row={row} />
            ))}
          </BlockStack>
        </Card>
      ))}
      <Text as="p" variant="bodySm" tone="subdued">
        {t("whoFixesWhat.source")}
      </Text>
    </BlockStack>
  );
}

function CategoryRow({ row }: { row: Responsibility }) {
  const { t } = useTranslation(["support", "guides"]);
  const label = t(`categories.${row.category}.label`);
  const channel = isGuideChannel(row.channel)
    ? t(GUIDES[row.channel].titleKey, { ns: "guides" })
    : t("whoFixesWhat.splTicket");
  return (
    <Box borderColor="border" borderWidth="025" borderRadius="200" padding="300">
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm">
          {label}
        </Text>
        <Text as="p">{t(`categories.${row.category}.description`)}</Text>
        <Text as="p">
          <Text as="span" fontWeight="semibold">
            {t("whoFixesWhat.channel")}
          </Text>
          {": "}
          {channel}
        </Text>
        <InlineStack>
          <Button
            url={row.start}
            accessibilityLabel={t(`whoFixesWhat.start.${row.fixer === "spl" ? "ticket" : "guide"}For`, {
              category: label,
            })}
          >
            {t(`whoFixesWhat.start.${row.fixer === "spl" ? "ticket" : "guide"}`)}
          </Button>
        </InlineStack>
      </BlockStack>
    </Box>
  );
}
