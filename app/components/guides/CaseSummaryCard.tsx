import { useAppBridge } from "@shopify/app-bridge-react";
import { BlockStack, Box, Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "~/i18n/use-translation";

export function CaseSummaryCard({ summary }: { summary: string }) {
  const { t } = useTranslation("guides");
  const { notify, inlineMessage } = useNotifier();

  async function copy() {
    try {
      await navigator.clipboard.writeText(summary);
      notify(t("summary.copied"), false);
    } catch {
      notify(t("summary.copyFailed"), true);
    }
  }

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("summary.title")}
        </Text>
        <Text as="p">{t("summary.intro")}</Text>
        <TextField
          label={t("summary.textLabel")}
          value={summary}
          readOnly
          selectTextOnFocus
          multiline={8}
          autoComplete="off"
        />
        <InlineStack gap="300" blockAlign="center">
          <Button variant="primary" onClick={() => void copy()}>
            {t("summary.copy")}
          </Button>
          <Box role="status">
            {inlineMessage && (
              <Text as="span" tone={inlineMessage.isError ? "critical" : "success"}>
                {inlineMessage.text}
              </Text>
            )}
          </Box>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

interface Message {
  readonly text: string;
  readonly isError: boolean;
}

/**
 * App Bridge's toast inside Shopify Admin. Where the App Bridge script isn't loaded (the offline
 * preview, whose CDN is unreachable) useAppBridge throws, so the message is shown inline instead.
 */
function useNotifier() {
  const shopify = useAppBridgeIfLoaded();
  const [inlineMessage, setInlineMessage] = useState<Message | null>(null);
  function notify(text: string, isError: boolean) {
    if (shopify) shopify.toast.show(text, { isError });
    else setInlineMessage({ text, isError });
  }
  return { notify, inlineMessage };
}

function useAppBridgeIfLoaded(): ReturnType<typeof useAppBridge> | null {
  try {
    return useAppBridge();
  } catch {
    return null;
  }
}
