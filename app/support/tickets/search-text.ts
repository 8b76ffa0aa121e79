import { formatTicketNumber } from "./number";

/** Bounded, so one long conversation cannot grow a ticket's search column without limit. */
const MAX_SEARCH_TEXT = 20_000;

const bounded = (text: string) => text.toLowerCase().slice(0, MAX_SEARCH_TEXT);

export interface SearchableTicket {
  number: number;
  shop: string;
  shopName: string;
  orderId: string | null;
  description: string;
}

/** The lower-cased text agents search: number, shop, order, what the merchant wrote, then each reply. */
export function searchTextOf(ticket: SearchableTicket, replies: string[] = []): string {
  const head = [formatTicketNumber(ticket.number), ticket.shop, ticket.shopName, ticket.orderId ?? ""];
  return bounded([...head, ticket.description, ...replies].join(" "));
}

/** The search text after one more reply, without reading the conversation back. */
export function withReply(searchText: string, reply: string): string {
  return bounded(`${searchText} ${reply}`);
}
