// The words of the command line's help (#20, #26): every command's and flag's description, the
// text after a command's options and commander's own headings, one object per language, so the
// program defines flags and a catalog says them.

import type { ScenarioField } from '../core/fields.js';

/** A command's help text after its options: its examples, and what else a user needs there. */
export type HelpAfter = string;

/**
 * The help words of one language. Flag names, values a user types (route ids, formats) and the
 * example command lines stay as typed in every language; only the words around them change.
 */
export type HelpWords = {
  /** Commander's headings ("Usage:", "Options:", ...), in this language. */
  titles: Record<string, string>;
  /** The placeholders of a usage line ("[options]", "<file>"), in this language (flags' own values stay). */
  placeholders: Record<string, string>;
  /** After a flag's help: its choices and its default ("(choices: "a", "b", default: "a")"). */
  choices: (list: readonly string[]) => string;
  byDefault: (value: string) => string;
  program: string;
  /** "1.2.3 (bundled price list ketamine-cost-us 2.3.3, as of 2026-11-30)". */
  version: (tool: string, id: string, version: string, asOf: string) => string;
  versionFlag: string;
  helpFlag: string;
  /** Each scenario flag's help; `route` takes the route ids and a last alias of each. */
  scenario: Omit<Record<ScenarioField, string>, 'route'> & {
    route: (ids: string, aliases: string) => string;
  };
  format: string;
  data: string;
  noColor: string;
  plain: string;
  lang: string;
  debug: string;
  output: string;
  estimate: { explain: string; brief: string; interactive: string; noInteractive: string; after: (routes: string) => HelpAfter };
  compare: { description: string; routes: string; quoteFor: string; ascii: string; after: HelpAfter };
  plan: {
    description: string;
    explain: string;
    ascii: string;
    start: string;
    every: string;
    boostersEvery: string;
    planYearStart: string;
    annualDeductible: string;
    annualOopMax: string;
    months: string;
    apr: string;
    after: HelpAfter;
  };
  routes: { description: string };
  batch: {
    description: string;
    file: string;
    output: string;
    detail: string;
    keepColumns: string;
    delimiter: string;
    encoding: string;
    bom: string;
    after: (columns: string) => HelpAfter;
  };
  dataCommand: {
    description: string;
    show: string;
    showData: string;
    validate: string;
    validateFile: string;
    init: string;
    route: string;
    provider: string;
    price: string;
    intro: string;
    package: string;
    itemPrice: string;
    clinicName: string;
    initData: string;
    after: HelpAfter;
  };
  gfe: {
    description: string;
    clinic: string;
    patientName: string;
    patientDob: string;
    diagnosis: string;
    start: string;
    issued: string;
    output: string;
    data: string;
    after: HelpAfter;
  };
  clinic: { description: string; init: string };
  schema: { description: string; which: string };
  help: { description: string; command: string };
  /** How a command line is refused before any command runs (commander's cases, said by the tool). */
  usage: {
    /** A value outside a flag's choices. */
    notAllowed: (flag: string, value: string, allowed: readonly string[]) => string;
    /** The same, for a value given before a subcommand that has fewer choices (batch has no html). */
    notAllowedFor: (flag: string, value: string, command: string, allowed: readonly string[]) => string;
    needsValue: (flag: string) => string;
    /** `--output` names a file (by its extension) of a format the command does not write, and --format is not given. */
    formatOfOutput: (extension: string, format: string, command: string, allowed: readonly string[]) => string;
    /** `close`: the flags this command takes nearest to it, if any is near. */
    unknownOption: (flag: string, close: readonly string[]) => string;
    /** A flag only another command takes (`--every` given to the estimate: plan takes it). */
    optionOfCommand: (flag: string, command: string) => string;
    /** compare takes routes as words, which a user reaching for --route wants to know. */
    routeInCompare: string;
    unknownCommand: (name: string, close: string | undefined, commands: readonly string[]) => string;
    missingArgument: (name: string) => string;
    requiredOption: (flag: string) => string;
    /** Words after what a command takes (`takes`: its arguments' names, none for the estimate), shown as given. */
    tooManyArguments: (command: string, takes: readonly string[], extra: readonly string[]) => string;
    /** A word after the flags that is (or is close to) a command, which must come first. */
    commandNotFirst: (word: string, command: string) => string;
    beforeSubcommand: (flag: string, command: string) => string;
    needsSubcommand: (command: string, subcommands: readonly string[]) => string;
    noSuchCommand: (name: string, commands: readonly string[]) => string;
  };
};
