import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  DataTable,
  InlineStack,
  Link,
  List,
  Text,
} from "@shopify/polaris";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import type { Locale } from "../../i18n/locales";
import { CARRIER_IDS, CARRIERS, phoneHref, websiteUrl } from "../../support/guides/carriers";
import {
  sectionsFor,
  SELLER_SUPPORT_EMAIL,
  SOURCES,
  type Guide,
  type GuideSection,
  type IsoDate,
  type MerchantField,
} from "../../support/guides/content";
import type { SupportEmail } from "../../support/guides/mailto";
import { countryName, regionRowFor } from "../../support/guides/regions";
import type { CategoryId } from "../../support/taxonomy";
import { TrackingLookup } from "./TrackingLookup";

/** What the sections need beyond the guide's own content: the merchant's input and what is built from it. */
export interface GuideContext {
  readonly category: CategoryId;
  readonly locale: Locale;
  /** The shop's country (ISO 3166-1 alpha-2) as Shopify holds it, or null when unknown. */
  readonly country: string | null;
  readonly merchant: Readonly<Record<MerchantField, string>>;
  readonly email: SupportEmail;
  readonly trackingNumber: string;
  readonly onTrackingNumberChange: (value: string) => void;
}

export function GuideCard({
  guide,
  recommended,
  context,
}: {
  guide: Guide;
  recommended: boolean;
  context: GuideContext;
}) {
  const { t } = useTranslation("guides");
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="200">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h2" variant="headingMd">
              {t(guide.titleKey)}
            </Text>
            {recommended && <Badge tone="success">{t("common.recommended")}</Badge>}
          </InlineStack>
          <Text as="p">{t(guide.introKey)}</Text>
        </BlockStack>
        {sectionsFor(guide, context.category).map((section, index) => (
          <SectionView key={index} section={section} context={context} />
        ))}
        <Text as="p" variant="bodySm" tone="subdued">
          {t("common.lastChecked", { date: formatIsoDate(guide.lastChecked, context.locale) })}
        </Text>
      </BlockStack>
    </Card>
  );
}

function SectionView({ section, context }: { section: GuideSection; context: GuideContext }) {
  const { t } = useTranslation("guides");
  switch (section.kind) {
    case "list":
      return (
        <Titled heading={t(section.headingKey)}>
          <List type={section.ordered ? "number" : "bullet"}>
            {section.itemKeys.map((key) => (
              <List.Item key={key}>{t(key)}</List.Item>
            ))}
          </List>
        </Titled>
      );
    case "path":
      return (
        <Titled heading={t(section.headingKey)}>
          <Text as="p" fontWeight="medium">
            {section.segmentKeys.map((key) => t(key)).join(" > ")}
          </Text>
        </Titled>
      );
    case "fields":
      return (
        <Titled heading={t(section.headingKey)}>
          <List>
            {section.fields.map((field) => (
              <List.Item key={field.labelKey}>
                <FieldLine label={t(field.labelKey)} field={field.fills} merchant={context.merchant} />
              </List.Item>
            ))}
          </List>
        </Titled>
      );
    case "definitions":
      return (
        <Titled heading={t(section.headingKey)}>
          <List>
            {section.items.map((item) => (
              <List.Item key={item.termKey}>
                <Text as="span" fontWeight="semibold">
                  {t(item.termKey)}
                </Text>
                {": "}
                {t(item.descriptionKey)}
              </List.Item>
            ))}
          </List>
        </Titled>
      );
    case "regions":
      return <RegionTable section={section} context={context} />;
    case "otherWay":
      return (
        <Titled heading={t(section.headingKey)}>
          <Text as="p">
            <Text as="span" fontWeight="semibold">
              {t("common.whenToUse")}
            </Text>
            {": "}
            {t(section.whenKey)}
          </Text>
          {section.pathKeys && (
            <Text as="p" fontWeight="medium">
              {section.pathKeys.map((key) => t(key)).join(" > ")}
            </Text>
          )}
          <List type={section.pathKeys ? "bullet" : "number"}>
            {section.stepKeys.map((key) => (
              <List.Item key={key}>{t(key)}</List.Item>
            ))}
          </List>
          <Text as="p" variant="bodySm" tone="subdued">
            {t("common.source", {
              titles: section.sources.map((source) => `“${SOURCES[source].title}”`).join(", "),
            })}
          </Text>
        </Titled>
      );
    case "note":
      return (
        <Banner tone={section.tone}>
          <Text as="p">{t(section.textKey, { ...section.values })}</Text>
        </Banner>
      );
    case "mailto":
      return (
        <BlockStack gap="200">
          <InlineStack>
            <Button variant="primary" url={context.email.href}>
              {t("email.mailtoButton")}
            </Button>
          </InlineStack>
          <Text as="p" tone="subdued">
            {t("email.mailtoHelp", { address: SELLER_SUPPORT_EMAIL })}
          </Text>
          {context.email.descriptionShortened && (
            <Banner tone="warning">
              <Text as="p">{t("email.descriptionShortened")}</Text>
            </Banner>
          )}
        </BlockStack>
      );
    case "trackingLookup":
      return <TrackingLookup value={context.trackingNumber} onChange={context.onTrackingNumberChange} />;
    case "carrierTable":
      return (
        <Titled heading={t("carrier.table.heading")}>
          <DataTable
            columnContentTypes={["text", "text", "text"]}
            headings={[t("carrier.table.carrier"), t("carrier.table.phone"), t("carrier.table.website")]}
            rows={CARRIER_IDS.map((id) => CARRIERS[id]).map((carrier) => [
              carrier.name,
              <Link key="phone" url={phoneHref(carrier.phone)}>
                {carrier.phone}
              </Link>,
              <Link key="website" url={websiteUrl(carrier)} target="_blank">
                {carrier.website}
              </Link>,
            ])}
          />
        </Titled>
      );
  }
}

/**
 * SPL's region table as one block per row, so it fits a phone without a sideways scroll, with the row
 * for the shop's country marked and the reason given in words.
 */
function RegionTable({
  section,
  context,
}: {
  section: Extract<GuideSection, { kind: "regions" }>;
  context: GuideContext;
}) {
  const { t } = useTranslation("guides");
  const match = regionRowFor(context.country);
  const country = match ? countryName(match.country, context.locale) : "";
  return (
    <Titled heading={t(section.headingKey)}>
      <Text as="p">
        {match
          ? t(`email.regions.reason.${match.reason}`, { country, address: SELLER_SUPPORT_EMAIL })
          : t("email.regions.reason.unknown")}
      </Text>
      <BlockStack gap="200">
        {section.rows.map((row) => {
          const applies = match?.row === row.row;
          return (
            <Box
              key={row.row}
              padding="300"
              borderWidth={applies ? "050" : "025"}
              borderColor={applies ? "border-success" : "border"}
              borderRadius="200"
              background={applies ? "bg-surface-success" : "bg-surface"}
            >
              <BlockStack gap="100">
                <InlineStack gap="200" blockAlign="center">
                  <Text as="span" fontWeight="semibold">
                    {t(row.regionKey)}
                  </Text>
                  {applies && <Badge>{t("email.regions.appliesToYou")}</Badge>}
                </InlineStack>
                {"address" in row ? (
                  <Text as="span" breakWord>
                    {`${t("email.regions.contact")}: `}
                    <Link url={`mailto:${row.address}`}>{row.address}</Link>
                  </Text>
                ) : (
                  <Text as="span">{t(row.alternativeKey)}</Text>
                )}
              </BlockStack>
            </Box>
          );
        })}
      </BlockStack>
    </Titled>
  );
}

function Titled({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {heading}
      </Text>
      {children}
    </BlockStack>
  );
}

/** A field TikTok asks for, marked ready when the merchant already gave us its value. */
function FieldLine({
  label,
  field,
  merchant,
}: {
  label: string;
  field: MerchantField | undefined;
  merchant: GuideContext["merchant"];
}) {
  const { t } = useTranslation("guides");
  const value = field ? merchant[field].trim() : "";
  return (
    <InlineStack gap="200" blockAlign="center">
      <Text as="span">{label}</Text>
      {field && (
        <Badge tone={value ? "success" : "attention"}>
          {t(value ? "fieldStatus.ready" : "fieldStatus.toPrepare")}
        </Badge>
      )}
      {/* The description is shown in full in the case summary; repeating it here would bury the checklist. */}
      {value && field !== "description" && (
        <Text as="span" tone="subdued" breakWord>
          {value}
        </Text>
      )}
    </InlineStack>
  );
}

/** Check dates are calendar dates: format them in UTC so no time zone moves them to the day before. */
function formatIsoDate(date: IsoDate, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
