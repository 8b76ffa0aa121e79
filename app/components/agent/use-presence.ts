import { useEffect, useRef, useState } from "react";
import { CSRF_FIELD } from "~/agent/csrf";
import { useConsole } from "./use-console";

export interface OtherAgent {
  id: string;
  name: string;
  replying: boolean;
}

const INTERVAL_MS = 5_000;

/**
 * Reports this agent on the ticket every few seconds (and at once when they start or stop typing
 * a reply) and learns who else is on it and how many messages the thread has now. A plain fetch,
 * so the page's data is not reloaded on every report.
 */
export function usePresence(ticketId: string, replying: boolean) {
  const { csrfToken } = useConsole();
  const [others, setOthers] = useState<OtherAgent[]>([]);
  const [messages, setMessages] = useState<number | null>(null);
  const replyingRef = useRef(replying);
  replyingRef.current = replying;
  const reportRef = useRef<() => Promise<void>>(async () => undefined);

  useEffect(() => {
    let stopped = false;
    const send = (fields: Record<string, string>) =>
      fetch(`/agent/tickets/${ticketId}/presence`, {
        method: "POST",
        body: new URLSearchParams({ ...fields, [CSRF_FIELD]: csrfToken }),
        keepalive: true,
      });
    reportRef.current = async () => {
      try {
        const answer = await send({ replying: String(replyingRef.current) });
        if (!answer.ok || stopped) return;
        const body = (await answer.json()) as { others: OtherAgent[]; messages: number };
        setOthers(body.others);
        setMessages(body.messages);
      } catch {
        // Offline for a moment: the next report tries again.
      }
    };
    void reportRef.current();
    const timer = setInterval(() => void reportRef.current(), INTERVAL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
      void send({ leaving: "true" }).catch(() => undefined);
    };
  }, [ticketId, csrfToken]);

  // Starting or stopping a reply is told at once, not at the next report.
  useEffect(() => {
    void reportRef.current();
  }, [replying]);

  return { others, messages };
}
