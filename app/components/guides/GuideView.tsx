import { BlockStack } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import type { Locale } from "../../i18n/locales";
import { buildCaseSummary } from "../../support/guides/case-summary";
import { guidesFor } from "../../support/guides/content";
import { composeSupportEmail } from "../../support/guides/mailto";
import type { CategoryId } from "../../support/taxonomy";
import { CaseSummaryCard } from "./CaseSummaryCard";
import { GuideCard, type GuideContext } from "./GuideCard";
import { TikTokLinksCard } from "./TikTokLinksCard";

export interface GuideViewProps {
  category: CategoryId;
  description: string;
  shopName: string;
  orderId?: string;
  tiktokUsername?: string;
  trackingNumber?: string;
  locale: Locale;
  /** The shop's country code from Shopify; the region table marks its row. */
  country?: string | null;
  /** The category in plain words, from the namespace that owns category names; the id is used when absent. */
  categoryLabel?: string;
}

/** The TikTok-channel guides for a category, recommended first, then the case summary to paste. */
export function GuideView(props: GuideViewProps) {
  const { t } = useTranslation("guides");
  const [trackingNumber, setTrackingNumber] = useState(props.trackingNumber ?? "");
  const today = useToday();

  const merchant = {
    shopName: props.shopName,
    tiktokUsername: props.tiktokUsername ?? "",
    description: props.description,
    orderId: props.orderId ?? "",
  };
  const context: GuideContext = {
    category: props.category,
    locale: props.locale,
    country: props.country ?? null,
    merchant,
    email: composeSupportEmail({ ...merchant, locale: props.locale }),
    trackingNumber,
    onTrackingNumberChange: setTrackingNumber,
  };
  const summary = buildCaseSummary(
    {
      ...merchant,
      categoryLabel: props.categoryLabel ?? props.category.replaceAll("_", " "),
      trackingNumber,
      date: today,
      locale: props.locale,
    },
    (key) => t(key),
  );

  return (
    <BlockStack gap="500">
      {guidesFor(props.category).map((guide, index) => (
        <GuideCard key={guide.channel} guide={guide} recommended={index === 0} context={context} />
      ))}
      <TikTokLinksCard />
      <CaseSummaryCard summary={summary} />
    </BlockStack>
  );
}

/** Today, set after mount: the server's clock and time zone aren't the merchant's, and would break hydration. */
function useToday(): Date | undefined {
  const [today, setToday] = useState<Date>();
  useEffect(() => setToday(new Date()), []);
  return today;
}
