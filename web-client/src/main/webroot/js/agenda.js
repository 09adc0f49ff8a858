// Issue 4's agenda, as the room lives it: the timer in the top bar, the stage showing the current
// step (with the pillar walk-through), and the agenda panel with the facilitator's controls.

import { mountAgendaPanel } from './agenda-panel.js';
import { mountStage } from './stage.js';
import { mountTimer } from './timer-view.js';

export function mountAgenda(room) {
  mountTimer(room);
  mountStage(room); // its chip sits beside the timer, in the top bar
  mountAgendaPanel(room);
}
