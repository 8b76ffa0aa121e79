import { Badge, BlockStack, Button, Card, InlineStack, Tag, Text } from "@shopify/polaris";
import { useTranslation } from "react-i18next";
import type { IntakeAnswer } from "~/support/intake";
import type { CategoryId, Route } from "~/support/taxonomy";
import { channelsOf, routeOf } from "~/support/taxonomy";

/** Why this help, in the words of the channel recommended first: the carrier's case is not the account's. */
function reasonKey(category: CategoryId, route: Route) {
  if (route === "spl_ticket") return "triage.splReason";
  return channelsOf(category)[0] === "carrier" ? "triage.carrierReason" : "triage.tiktokReason";
}

interface Props {
  answer: IntakeAnswer;
  onChoose: (category: CategoryId) => void;
  onProceed: (category: CategoryId, route: Route) => void;
  /** The next step is on its way: one click is enough. */
  proceeding?: boolean;
}

/** Who can fix the problem, why we think so, and the next step. */
export function TriageResult({ answer, onChoose, onProceed, proceeding = false }: Props) {
  const { t } = useTranslation("support");
  const category = answer.kind === "classified" ? answer.triage.category : answer.category;
  const route = routeOf(category);
  const triage = answer.kind === "classified" ? answer.triage : null;

  if (triage?.lowConfidence) {
    const options = [
      triage.category,
      ...triage.alternatives.slice(0, 2).map((alternative) => alternative.category),
    ];
    return (
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {t("triage.lowConfidence")}
          </Text>
          <BlockStack gap="200">
            {options.map((option) => (
              <Button key={option} onClick={() => onChoose(option)} textAlign="start" fullWidth>
                {`${t(`categories.${option}.label`)} — ${t(`categories.${option}.description`)}`}
              </Button>
            ))}
          </BlockStack>
        </BlockStack>
      </Card>
    );
  }

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("triage.heading")}
        </Text>
        <InlineStack gap="200" blockAlign="center">
          <Text as="p" variant="headingLg">
            {t(`categories.${category}.label`)}
          </Text>
          <Badge tone={route === "spl_ticket" ? "info" : "attention"}>{t(`routes.${route}`)}</Badge>
          {triage ? (
            <Text as="span" tone="subdued">
              {t("triage.confidence", { percent: Math.round(triage.confidence * 100) })}
            </Text>
          ) : null}
        </InlineStack>
        <Text as="p">{t(`categories.${category}.description`)}</Text>
        <Text as="p">{t(reasonKey(category, route))}</Text>
        {triage && triage.evidence.length > 0 ? (
          <InlineStack gap="200" blockAlign="center">
            <Text as="span" tone="subdued">
              {t("triage.evidence")}
            </Text>
            {triage.evidence.map((evidence) => (
              <Tag key={evidence.term}>{evidence.term}</Tag>
            ))}
          </InlineStack>
        ) : null}
        {answer.kind === "chosen" ? (
          <Text as="p" tone="subdued">
            {t("triage.chosen")}
          </Text>
        ) : null}
        <InlineStack gap="300" blockAlign="center">
          <Button variant="primary" loading={proceeding} onClick={() => onProceed(category, route)}>
            {t(route === "spl_ticket" ? "triage.nextSpl" : "triage.nextTiktok")}
          </Button>
          <Text as="span" tone="subdued">
            {t("triage.override")}
          </Text>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
