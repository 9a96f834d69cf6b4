// The gradient-check part of the Gradient lab as a runes class (renderer): the form's values, the engine's report, and errors at their fields.
import type { SettingValue } from '../../engine/layers/layerSetting.js';
import type { GradcheckReport, GradcheckRun } from '../../engine/protocol/gradcheck.js';
import { EngineAnswerError, type EngineRequests } from '../host/engineRequests.js';
import {
  buildGradcheckRequest,
  DEFAULT_GRADCHECK_VALUES,
  type ChoiceField,
  gradcheckFieldOf,
  type GradcheckErrors,
  type GradcheckField,
  type GradcheckFormValues,
  type GradcheckRequest,
} from './gradcheckSubject.js';

/** A report with the request it answers, so the table can say what was checked. */
export interface CheckedReport {
  report: GradcheckReport;
  request: GradcheckRequest;
}

export class GradcheckSession {
  readonly #requests: EngineRequests;
  values = $state<GradcheckFormValues>(structuredClone(DEFAULT_GRADCHECK_VALUES));
  result = $state<CheckedReport | null>(null);
  running = $state(false);
  /** An engine failure not about one field (a crash): shown with a retry button. */
  failure = $state<string | null>(null);
  #engineErrors = $state<GradcheckErrors>({});
  #build = $derived(buildGradcheckRequest(this.values));

  constructor(requests: EngineRequests) {
    this.#requests = requests;
  }

  /** The form's own messages first, else what the engine said about a field. */
  get errors(): GradcheckErrors {
    return { ...this.#engineErrors, ...(this.#build.ok ? {} : this.#build.errors) };
  }

  get canCheck(): boolean {
    return this.#build.ok && !this.running;
  }

  /**
   * How the last report stands against the form: none; fresh (it answers what the form shows); stale (the form changed
   * since: shown marked); hidden (the form has an error: no old report stays beside it).
   */
  get reportState(): 'none' | 'fresh' | 'stale' | 'hidden' {
    if (!this.result) return 'none';
    const build = this.#build;
    if (!build.ok || Object.keys(this.#engineErrors).length > 0) return 'hidden';
    return JSON.stringify(build.request) === JSON.stringify(this.result.request) ? 'fresh' : 'stale';
  }

  /** Sets a field chosen from a list (the select offers only valid values). */
  choose(field: ChoiceField, value: string): void {
    this.values = { ...this.values, [field]: value };
    this.edited(field);
  }

  /** Sets a setting of the chosen layer type (a number field's value, or a choice). */
  setSetting(name: string, value: SettingValue): void {
    const type = this.values.layerType;
    this.values = { ...this.values, settings: { ...this.values.settings, [type]: { ...this.values.settings[type], [name]: value } } };
    this.edited(name);
  }

  /** Sets the input shape typed for the layer type or network the form checks now. */
  setInputShape(text: string): void {
    const values = this.values;
    this.values =
      values.kind === 'network'
        ? { ...values, networkShapes: { ...values.networkShapes, [values.presetId]: text } }
        : { ...values, layerShapes: { ...values.layerShapes, [values.layerType]: text } };
    this.edited('inputShape');
  }

  /** Forgets the engine's message about a field once the user edits it; a change of subject also clears one about the variant. */
  edited(field: GradcheckField): void {
    const subjectChanged = field === 'kind' || field === 'layerType' || field === 'presetId';
    this.#engineErrors = Object.fromEntries(Object.entries(this.#engineErrors).filter(([key]) => key !== field && !(subjectChanged && key === 'variant')));
  }

  /** Asks the engine to run the check the form describes. */
  async check(): Promise<void> {
    const build = this.#build;
    if (!build.ok || this.running) return;
    this.running = true;
    this.failure = null;
    this.#engineErrors = {};
    try {
      const ask: Omit<GradcheckRun, 'requestId'> = { type: 'gradcheck.run', ...build.request };
      const report = await this.#requests.ask(ask, 'gradcheck.report');
      this.result = { report, request: build.request };
    } catch (error) {
      const field = error instanceof EngineAnswerError && error.field ? gradcheckFieldOf(error.field) : undefined;
      if (field) this.#engineErrors = { [field]: (error as Error).message };
      else this.failure = `The check did not run: ${(error as Error).message}`;
    } finally {
      this.running = false;
    }
  }
}
