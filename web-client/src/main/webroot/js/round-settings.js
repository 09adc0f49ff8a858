// The length of a turn and of its warning, as the facilitator sets them in the round table panel
// (RT3): one click on a usual length, or a length typed as minutes ("2", "1,5"), minutes:seconds
// ("2:30") or seconds ("90 s"), and the warning in seconds. Both travel in one configure_round;
// the turn running now keeps its deadline.

import { t } from './i18n.js';
import { configureRound } from './protocol.js';
import { formatTurnLength, parseTurnLength, parseWarning } from './round-order.js';

/** The turn lengths offered in one click, in seconds. */
const PRESETS = [60, 120, 180];

export class RoundSettings {
  constructor(room) {
    this.room = room;
    this.build();
  }

  button(testid, className, action) {
    const made = make('button', className, testid);
    made.type = 'button';
    made.addEventListener('click', action);
    return made;
  }

  build() {
    const settings = make('div', 'round-settings', 'round-settings');
    this.settingsTitle = make('h3');
    this.presets = make('div', 'round-presets');
    this.presets.setAttribute('role', 'group');
    this.presetButtons = PRESETS.map((seconds) => {
      const preset = this.button('round-preset', '', () => this.configure(seconds, null));
      preset.dataset.seconds = String(seconds);
      return preset;
    });
    this.presets.append(...this.presetButtons);
    const fields = make('div', 'round-fields');
    [this.lengthLabel, this.lengthInput, this.lengthText] = field('round-turn-length', 'text');
    this.lengthInput.autocomplete = 'off';
    [this.warningLabel, this.warningInput, this.warningText] = field('round-warning', 'number');
    Object.assign(this.warningInput, { min: '0', max: '300', step: '5' });
    this.settingsError = make('p', 'form-error round-settings-error', 'round-settings-error');
    this.settingsError.setAttribute('role', 'alert');
    this.settingsError.hidden = true;
    fields.append(this.lengthLabel, this.warningLabel);
    for (const input of [this.lengthInput, this.warningInput]) {
      input.addEventListener('change', () => this.configureFromFields());
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          this.configureFromFields();
        }
      });
    }
    this.settingsHelp = make('p', 'help round-settings-help');
    this.settingsHelp.id = 'round-settings-help';
    this.lengthInput.setAttribute('aria-describedby', 'round-settings-help');
    this.warningInput.setAttribute('aria-describedby', 'round-settings-help');
    settings.append(this.settingsTitle, this.presets, fields, this.settingsHelp, this.settingsError);
    this.element = settings;
  }

  /** RT3: both values travel together; the one not given is the round's current one. */
  configure(turnSeconds, warningSeconds) {
    const { roundTable } = this.room.engine.arrangement();
    const turn = turnSeconds ?? Math.round(roundTable.turnMs / 1000);
    const warning = warningSeconds ?? Math.round(roundTable.warningMs / 1000);
    this.settingsError.hidden = true;
    this.lengthInput.removeAttribute('aria-invalid');
    this.warningInput.removeAttribute('aria-invalid');
    this.lengthInput.value = formatTurnLength(turn);
    if (turn * 1000 === roundTable.turnMs && warning * 1000 === roundTable.warningMs) return; // nothing changed
    this.room.connection.send(configureRound(this.room.ids, turn, warning));
  }

  configureFromFields() {
    const turn = parseTurnLength(this.lengthInput.value);
    const warning = parseWarning(this.warningInput.value);
    this.lengthInput.setAttribute('aria-invalid', String(Number.isNaN(turn)));
    this.warningInput.setAttribute('aria-invalid', String(Number.isNaN(warning)));
    if (Number.isNaN(turn) || Number.isNaN(warning)) {
      this.settingsError.hidden = false;
      this.settingsError.textContent = t(Number.isNaN(turn) ? 'round.settings.lengthInvalid' : 'round.settings.warningInvalid');
      return;
    }
    this.configure(turn, warning);
  }

  render(roundTable) {
    const turnSeconds = Math.round(roundTable.turnMs / 1000);
    this.settingsTitle.textContent = t('round.settings.title');
    this.presets.setAttribute('aria-label', t('round.settings.presets'));
    for (const preset of this.presetButtons) {
      const seconds = Number(preset.dataset.seconds);
      preset.textContent = `${seconds / 60} min`;
      preset.setAttribute('aria-pressed', String(seconds === turnSeconds));
    }
    this.lengthText.textContent = t('round.settings.length');
    this.settingsHelp.textContent = t('round.settings.help');
    this.lengthInput.placeholder = '2:00';
    this.warningText.textContent = t('round.settings.warning');
    // A field being typed in, or holding a refused value, is left as the person left it.
    if (document.activeElement !== this.lengthInput && this.lengthInput.getAttribute('aria-invalid') !== 'true') {
      this.lengthInput.value = formatTurnLength(turnSeconds);
    }
    if (document.activeElement !== this.warningInput && this.warningInput.getAttribute('aria-invalid') !== 'true') {
      this.warningInput.value = String(Math.round(roundTable.warningMs / 1000));
    }
  }
}

function field(testid, type) {
  const label = make('label', 'round-field');
  const text = make('span');
  const input = make('input', '', testid);
  input.type = type;
  label.append(text, input);
  return [label, input, text];
}

function make(tag, className = '', testid = '') {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (testid) element.dataset.testid = testid;
  return element;
}
