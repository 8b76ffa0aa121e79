import { DescriptionList, Modal } from "@shopify/polaris";
import { useTranslation } from "~/i18n/use-translation";
import { SHORTCUTS, type ShortcutPage } from "./shortcuts";

/** The help overlay "?" opens: every shortcut of the page and what it does. */
export function ShortcutsHelp({
  page,
  open,
  onClose,
}: {
  page: ShortcutPage;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation("agent");
  return (
    <Modal open={open} onClose={onClose} title={t("shortcuts.title")}>
      <Modal.Section>
        <DescriptionList
          items={Object.entries(SHORTCUTS[page]).map(([key, action]) => ({
            term: key,
            description: t(`shortcuts.${action}`),
          }))}
        />
      </Modal.Section>
    </Modal>
  );
}
