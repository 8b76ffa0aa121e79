/**
 * Serves a stored attachment as a download that the browser never renders inline: merchants'
 * files are untrusted, so no sniffing, no scripts, no framing.
 */
export function attachmentResponse(attachment: { filename: string; contentType: string; data: Uint8Array }) {
  return new Response(new Uint8Array(attachment.data), {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Length": String(attachment.data.byteLength),
      "Content-Disposition": `attachment; filename="${attachment.filename.replace(/["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
