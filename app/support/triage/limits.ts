/**
 * The longest text triage reads, in its own module so the Support page's form can limit the field
 * without the browser loading the classifier.
 */
export const MAX_TEXT_LENGTH = 10_000;
