import { Button } from "@shopify/polaris";
import { useState } from "react";

/**
 * Downloads through fetch so the request carries the session token like every data request;
 * a plain link would be an unauthenticated document request.
 */
export function DownloadButton({ url, filename, label }: { url: string; filename: string; label: string }) {
  const [loading, setLoading] = useState(false);
  const download = async () => {
    setLoading(true);
    try {
      const response = await fetch(url);
      if (!response.ok) return;
      const href = URL.createObjectURL(await response.blob());
      const anchor = document.createElement("a");
      anchor.href = href;
      anchor.download = filename;
      anchor.click();
      URL.revokeObjectURL(href);
    } finally {
      setLoading(false);
    }
  };
  return (
    <Button variant="plain" onClick={download} loading={loading}>
      {label}
    </Button>
  );
}
