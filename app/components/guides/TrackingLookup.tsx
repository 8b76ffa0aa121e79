import { Banner, BlockStack, Link, Text, TextField } from "@shopify/polaris";
import { useTranslation } from "~/i18n/use-translation";
import { detectCarrier, phoneHref, websiteUrl, type CarrierMatch } from "../../support/guides/carriers";

export function TrackingLookup({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation("guides");
  const typed = value.trim() !== "";
  const match = typed ? detectCarrier(value) : null;
  return (
    <BlockStack gap="300">
      <TextField
        label={t("carrier.tracking.label")}
        helpText={t("carrier.tracking.help")}
        value={value}
        onChange={onChange}
        autoComplete="off"
        clearButton
        onClearButtonClick={() => onChange("")}
      />
      {match && <RecognisedCarrier match={match} />}
      {typed && !match && (
        <Banner tone="warning" title={t("carrier.tracking.unknown")}>
          <Text as="p">{t("carrier.tracking.unknownHelp")}</Text>
        </Banner>
      )}
    </BlockStack>
  );
}

function RecognisedCarrier({ match }: { match: CarrierMatch }) {
  const { t } = useTranslation("guides");
  const { carrier } = match;
  return (
    <Banner tone="success" title={t("carrier.tracking.recognised", { carrier: carrier.name })}>
      <BlockStack gap="100">
        <Link url={phoneHref(carrier.phone)}>
          {t("carrier.tracking.callCarrier", { carrier: carrier.name, phone: carrier.phone })}
        </Link>
        <Link url={websiteUrl(carrier)} target="_blank">
          {carrier.website}
        </Link>
        {carrier.trackingUrlTemplate ? (
          <Link url={match.trackingUrl} target="_blank">
            {t("carrier.tracking.openTracking", { carrier: carrier.name })}
          </Link>
        ) : (
          <Text as="p">
            {t("carrier.tracking.noTrackingLink", {
              carrier: carrier.name,
              trackingNumber: match.trackingNumber,
            })}
          </Text>
        )}
      </BlockStack>
    </Banner>
  );
}
