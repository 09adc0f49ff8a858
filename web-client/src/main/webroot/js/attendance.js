// AT1: who takes part from a distance. A person says it when joining and can change it in the
// people list; the facilitator can correct it for anyone. The tour de table uses it to put remote
// people first, so the people a room forgets speak before it warms up.

import { t } from './i18n.js';
import { setAttendance } from './protocol.js';

/** The join form's choice, kept until the server has welcomed this person once. */
export function rememberJoinChoice(storage, workshopId, remote) {
  try {
    storage?.setItem(choiceKey(workshopId), remote ? 'remote' : 'room');
  } catch {
    // Without storage the choice is lost; the person can still set it in the people list.
  }
}

export function mountAttendance(room) {
  const { engine, connection, presence } = room;
  connection.onMessage((message) => {
    if (message.type !== 'welcome' || !message.participant) return;
    const choice = takeJoinChoice(globalThis.localStorage, room.workshop.id);
    if (choice === 'remote') connection.send(setAttendance(room.ids, message.participant.id, true));
  });

  const controls = new WeakMap(); // a person's tool container -> its control
  presence.addPersonTool((person, container) => {
    const remote = engine.arrangement().remote.has(person.id);
    const mine = person.id === room.selfId();
    const canChange = mine || room.isFacilitator();
    let control = controls.get(container);
    if (!control || control.canChange !== canChange) {
      control?.element.remove();
      control = attendanceControl(canChange, () => {
        const now = engine.arrangement().remote.has(person.id);
        connection.send(setAttendance(room.ids, person.id, !now));
      });
      controls.set(container, control);
      container.prepend(control.element);
    }
    const label = t(remote ? 'attendance.remote' : 'attendance.inRoom');
    control.element.dataset.remote = String(remote);
    control.element.classList.toggle('remote', remote);
    if (control.element.textContent !== label) control.element.textContent = label;
    // Someone else in the room is the usual case: only a distance is worth saying to others.
    control.element.hidden = !canChange && !remote;
    if (canChange) {
      const action = t(remote ? 'attendance.markInRoom' : 'attendance.markRemote', { name: person.name });
      control.element.setAttribute('aria-label', action);
      control.element.title = action;
      control.element.setAttribute('aria-pressed', String(remote));
    }
  });
}

function attendanceControl(canChange, toggle) {
  const element = document.createElement(canChange ? 'button' : 'span');
  element.className = 'attendance';
  element.dataset.testid = 'attendance';
  if (canChange) {
    element.type = 'button';
    element.addEventListener('click', toggle);
  }
  return { element, canChange };
}

function takeJoinChoice(storage, workshopId) {
  try {
    const choice = storage?.getItem(choiceKey(workshopId)) ?? null;
    storage?.removeItem(choiceKey(workshopId));
    return choice;
  } catch {
    return null;
  }
}

function choiceKey(workshopId) {
  return `atelier.attendance.${workshopId}`;
}
