/**
 * The training set as the model learns it: the labelled files plus texts built from them the way
 * merchants actually write. Real messages wrap the problem in greetings, review-style openings and
 * venting about support, and often carry two problems; without such texts the model reads a
 * complaint's tone as a category and averages two problems into a third. Deterministic (seeded), so
 * the same files always give the same model, and part of the model's fingerprint.
 */
import type { Locale } from "../../i18n/locales";
import { routeOf } from "../taxonomy";
import type { Example } from "./dataset";

/** Words that say nothing about who can fix the problem: openings, venting, urgency, sign-offs. */
const OPENERS: Record<Locale, readonly string[]> = {
  en: [
    "0 stars.",
    "Terrible app, honestly.",
    "Worst integration I have ever used.",
    "Hi team,",
    "Hello, hope someone can help.",
    "I'm so frustrated right now.",
    "Third time writing about this!!!",
    "URGENT",
    "Good morning,",
    "ok so",
    "Not happy at all.",
    "1 star would give zero if I could.",
    "Been a seller for 2 years and never had this.",
  ],
  it: [
    "Zero stelle.",
    "App pessima, sinceramente.",
    "Buongiorno,",
    "Salve, vi scrivo per l'ennesima volta.",
    "Sono davvero esasperato.",
    "URGENTE!!",
    "Ciao ragazzi,",
    "Non ne posso più.",
    "Integrazione peggiore mai vista.",
    "Buonasera, ho bisogno di una mano.",
    "1 stella e anche troppo.",
    "Scusate lo sfogo ma",
  ],
  es: [
    "Cero estrellas.",
    "Pésima aplicación.",
    "Hola buenas,",
    "Buenos días,",
    "Estoy harto de verdad.",
    "URGENTE!!!",
    "Es la tercera vez que escribo.",
    "La peor integración que he usado.",
    "Hola equipo, a ver si alguien me ayuda.",
    "1 estrella y porque no se puede poner cero.",
    "Perdón por el tono pero",
  ],
  fr: [
    "Zéro étoile.",
    "Application nulle.",
    "Bonjour,",
    "Bonjour à toute l'équipe,",
    "Je suis vraiment à bout.",
    "URGENT !!!",
    "Troisième message à ce sujet.",
    "Pire intégration que j'ai jamais utilisée.",
    "Bonsoir, j'ai besoin d'aide svp.",
    "1 étoile parce que zéro n'existe pas.",
    "Désolé pour le ton mais",
  ],
  de: [
    "Null Sterne.",
    "Katastrophale App.",
    "Hallo zusammen,",
    "Guten Tag,",
    "Ich bin echt genervt.",
    "DRINGEND!!!",
    "Schreibe jetzt zum dritten Mal.",
    "Schlechteste Integration, die ich je hatte.",
    "Hallo Team, vielleicht kann mir jemand helfen.",
    "1 Stern, weil 0 nicht geht.",
    "Sorry für den Ton, aber",
  ],
};

const CLOSERS: Record<Locale, readonly string[]> = {
  en: [
    "Nobody answers my emails.",
    "Your support is useless, I've been waiting for days.",
    "Please fix this ASAP, I'm losing sales every day.",
    "Thanks in advance.",
    "I pay for this every month and get nothing.",
    "Seriously considering leaving.",
    "Let me know what you need from me.",
    "This is unacceptable.",
    "Regards, Anna",
    "Any update would be appreciated.",
  ],
  it: [
    "Nessuno risponde alle mie email.",
    "Il vostro supporto non serve a niente, aspetto da giorni.",
    "Risolvete subito, sto perdendo vendite ogni giorno.",
    "Grazie mille in anticipo.",
    "Pago ogni mese per niente.",
    "Sto pensando seriamente di andarmene.",
    "Fatemi sapere cosa vi serve.",
    "È inaccettabile.",
    "Cordiali saluti, Marco",
    "Aspetto una risposta, grazie.",
  ],
  es: [
    "Nadie contesta a mis correos.",
    "Vuestro soporte no sirve para nada, llevo días esperando.",
    "Arreglad esto ya, pierdo ventas cada día.",
    "Gracias de antemano.",
    "Pago cada mes para nada.",
    "Me estoy planteando irme.",
    "Decidme qué necesitáis.",
    "Es inaceptable.",
    "Un saludo, Lucía",
    "Quedo a la espera, gracias.",
  ],
  fr: [
    "Personne ne répond à mes mails.",
    "Votre support ne sert à rien, j'attends depuis des jours.",
    "Merci de régler ça vite, je perds des ventes tous les jours.",
    "Merci d'avance.",
    "Je paie tous les mois pour rien.",
    "Je pense sérieusement à partir.",
    "Dites-moi ce dont vous avez besoin.",
    "C'est inadmissible.",
    "Cordialement, Julie",
    "Dans l'attente de votre retour.",
  ],
  de: [
    "Niemand antwortet auf meine E-Mails.",
    "Euer Support ist nutzlos, ich warte seit Tagen.",
    "Bitte schnell beheben, ich verliere jeden Tag Umsatz.",
    "Danke im Voraus.",
    "Ich zahle jeden Monat für nichts.",
    "Ich überlege ernsthaft zu kündigen.",
    "Sagt mir, was ihr braucht.",
    "Das ist inakzeptabel.",
    "Viele Grüße, Jonas",
    "Ich warte auf eine Antwort.",
  ],
};

/** How a merchant moves on to a second problem. */
const SECOND_PROBLEM: Record<Locale, readonly string[]> = {
  en: ["Also,", "And another thing:", "On top of that", "Plus", "Second problem:"],
  it: ["Inoltre", "E poi", "Altra cosa:", "In più", "Secondo problema:"],
  es: ["Además,", "Y otra cosa:", "Encima", "Aparte de eso,", "Segundo problema:"],
  fr: ["En plus,", "Et autre chose :", "Par ailleurs,", "De plus", "Deuxième problème :"],
  de: ["Außerdem", "Und noch was:", "Dazu kommt:", "Zusätzlich", "Zweites Problem:"],
};

/** Share of the labelled texts also learnt wrapped in an opening or closing that carries no problem. */
const WRAPPED_SHARE = 0.5;
/** Share of the labelled texts also learnt joined with a problem of the other owner. */
const PAIRED_SHARE = 0.35;
/** Share of the labelled texts also learnt as a long message: told again in other words, with an opening and a closing. */
const LONG_SHARE = 0.25;
/** Vague texts made only of openings and closings, per language. */
const VAGUE_PER_LOCALE = 40;

/** Small seeded generator (mulberry32): the same seed gives the same training set. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const sentence = (text: string) => (/[.!?:,]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

export function buildTrainingSet(labelled: readonly Example[]): Example[] {
  const random = seededRandom(14);
  const built: Example[] = [...labelled];

  for (const example of labelled) {
    if (example.category === null || random() >= WRAPPED_SHARE) continue;
    const opener = random() < 0.7 ? `${pick(random, OPENERS[example.locale])} ` : "";
    const closer = opener === "" || random() < 0.5 ? ` ${pick(random, CLOSERS[example.locale])}` : "";
    built.push({ ...example, text: `${opener}${sentence(example.text)}${closer}` });
  }

  const single = labelled.filter((example) => example.category !== null && !example.also);
  for (const first of single) {
    if (random() >= PAIRED_SHARE) continue;
    const others = single.filter(
      (other) => other.locale === first.locale && routeOf(other.category!) !== routeOf(first.category!),
    );
    if (others.length === 0) continue;
    const second = pick(random, others);
    built.push({
      text: `${sentence(first.text)} ${pick(random, SECOND_PROBLEM[first.locale])} ${second.text}`,
      locale: first.locale,
      category: first.category,
      also: second.category!,
    });
  }

  for (const first of single) {
    if (random() >= LONG_SHARE) continue;
    const same = single.filter(
      (other) => other !== first && other.locale === first.locale && other.category === first.category,
    );
    if (same.length === 0) continue;
    const retold = [first, pick(random, same), ...(random() < 0.5 ? [pick(random, same)] : [])];
    built.push({
      ...first,
      text: [
        pick(random, OPENERS[first.locale]),
        ...retold.map((example) => sentence(example.text)),
        pick(random, CLOSERS[first.locale]),
      ].join(" "),
    });
  }

  for (const locale of Object.keys(OPENERS) as Locale[]) {
    for (let count = 0; count < VAGUE_PER_LOCALE; count++) {
      const parts = [pick(random, OPENERS[locale])];
      if (random() < 0.6) parts.push(pick(random, CLOSERS[locale]));
      built.push({ text: parts.join(" "), locale, category: null });
    }
  }
  return built;
}
