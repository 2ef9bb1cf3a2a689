/** The users' edits of the two-way soak: a GHL user's in GHL, a Rankr user's and Clio's connector's in Rankr. */
import type { Pair } from './twoWayWorld';
import { clio, edits, ghlApi, ghlNotes, ghlTasks, live, paced, pick, progress, random, rankrApi, rankrNotes, rankrTasks, SOFT_TAG, word, world } from './twoWayWorld';

type Edit = (pair: Pair) => Promise<string | undefined>;

const ghlEdits: Array<[number, Edit]> = [
	// Not companyName: GHL's contact update does not take it (it is set when the contact is made).
	[30, async (p) => (await ghlApi('PUT', `/contacts/${p.ghlId}`, { [pick(['firstName', 'lastName', 'city', 'state'])]: `G ${word()}` }), 'field')],
	[12, async (p) => (await ghlApi('POST', `/contacts/${p.ghlId}/tags`, { tags: [`g-${Math.floor(random() * 8)}`] }), 'tag+')],
	[8, async (p) => {
		const tags = world.ghl.store.contacts.get(p.ghlId)?.tags.filter((t) => t !== SOFT_TAG) ?? [];
		if (!tags.length) return undefined;
		await ghlApi('DELETE', `/contacts/${p.ghlId}/tags`, { tags: [pick(tags)] });
		return 'tag-';
	}],
	[10, async (p) => (await ghlApi('POST', `/contacts/${p.ghlId}/tasks`, { title: `GT ${word()}`, dueDate: new Date(Date.now() + 86_400_000 * (1 + Math.floor(random() * 9))).toISOString(), completed: false }), 'task+')],
	[6, async (p) => {
		const open = ghlTasks(p.ghlId).filter((t) => !t.completed);
		if (!open.length) return undefined;
		await ghlApi('PUT', `/contacts/${p.ghlId}/tasks/${pick(open).id}/completed`, { completed: true });
		return 'task done';
	}],
	[8, async (p) => (await ghlApi('POST', `/contacts/${p.ghlId}/notes`, { body: `GN ${word()}` }), 'note+')],
	[5, async (p) => {
		const notes = ghlNotes(p.ghlId);
		if (!notes.length) return undefined;
		await ghlApi('PUT', `/contacts/${p.ghlId}/notes/${pick(notes).id}`, { body: `GN edited ${word()}` });
		return 'note edit';
	}],
	[1, async (p) => {
		await ghlApi('DELETE', `/contacts/${p.ghlId}`);
		p.gone = 'ghlDeleted';
		return 'delete';
	}],
];

const STATUSES = ['pending', 'in_progress', 'in_review', 'complete'];
const rankrEdits: Array<[number, Edit]> = [
	[30, async (p) => {
		const field = pick(['firstName', 'lastName', 'city', 'state']);
		if (p.clioId) await clio('contact', { clioId: p.clioId, [field]: `R ${word()}` });
		else await rankrApi('PATCH', `/v1/contacts/${p.rankrId}`, { [field]: `R ${word()}` });
		return 'field';
	}],
	[12, async (p) => (await rankrApi('POST', `/v1/contacts/${p.rankrId}/tags`, { tags: [`r-${Math.floor(random() * 8)}`] }), 'tag+')],
	[6, async (p) => {
		// A Rankr user removes tags Rankr added (r-*); those GHL supplied are GHL's to remove.
		const own = world.rankr.store.contacts.get(p.rankrId)?.tags.filter((t) => t.startsWith('r-')) ?? [];
		if (!own.length) return undefined;
		await rankrApi('DELETE', `/v1/contacts/${p.rankrId}/tags/${encodeURIComponent(pick(own))}`);
		return 'tag-';
	}],
	[10, async (p) => {
		const due = new Date(Date.now() + 86_400_000 * (1 + Math.floor(random() * 9))).toISOString();
		if (p.clioId) await clio('task', { contactClioId: p.clioId, clioTaskId: `ct${word()}`, title: `CT ${word()}`, status: 'pending', dueAt: due });
		else await rankrApi('POST', `/v1/contacts/${p.rankrId}/tasks`, { title: `RT ${word()}`, status: 'pending', dueAt: due });
		return 'task+';
	}],
	[10, async (p) => {
		const tasks = rankrTasks(p.rankrId);
		if (!tasks.length) return undefined;
		const task = pick(tasks);
		const change = random() < 0.6 ? { status: pick(STATUSES) } : { dueAt: new Date(Date.now() + 86_400_000 * (1 + Math.floor(random() * 20))).toISOString() };
		const clioTask = task.links.find((l) => l.system === 'clio');
		if (p.clioId && clioTask) await clio('task', { contactClioId: p.clioId, clioTaskId: clioTask.id, ...change });
		else await rankrApi('PATCH', `/v1/contacts/${p.rankrId}/tasks/${task.id}`, change);
		return 'task change';
	}],
	[8, async (p) => {
		if (p.clioId) await clio('note', { contactClioId: p.clioId, clioNoteId: `cn${word()}`, body: `CN ${word()}` });
		else await rankrApi('POST', `/v1/contacts/${p.rankrId}/notes`, { body: `RN ${word()}` });
		return 'note+';
	}],
	[5, async (p) => {
		const notes = rankrNotes(p.rankrId);
		if (!notes.length) return undefined;
		const note = pick(notes);
		const clioNote = note.links.find((l) => l.system === 'clio');
		if (p.clioId && clioNote) await clio('note', { contactClioId: p.clioId, clioNoteId: clioNote.id, body: `CN edited ${word()}` });
		else await rankrApi('PATCH', `/v1/contacts/${p.rankrId}/notes/${note.id}`, { body: `RN edited ${word()}` });
		return 'note edit';
	}],
	[1, async (p) => {
		if (!p.clioId) return undefined;
		await clio('delete', { clioId: p.clioId });
		p.gone = 'rankrDeleted';
		return 'delete';
	}],
	[1, async (p) => {
		const other = live().filter((o) => o !== p && o.clioId);
		if (!p.clioId || !other.length) return undefined;
		const merged = pick(other);
		await clio('merge', { survivorClioId: p.clioId, mergedClioId: merged.clioId });
		merged.gone = 'merged';
		merged.mergedInto = p;
		return 'merge';
	}],
];

function weighted(list: Array<[number, Edit]>): Edit {
	const total = list.reduce((s, [w]) => s + w, 0);
	let roll = random() * total;
	for (const [w, edit] of list) if ((roll -= w) < 0) return edit;
	return list[list.length - 1][1];
}

export async function runEdits(count: number): Promise<void> {
	let made = 0;
	while (made < count) {
		const pair = pick(live());
		const side = random() < 0.5 ? 'ghl' : 'rankr';
		const at = Date.now();
		const kind = await weighted(side === 'ghl' ? ghlEdits : rankrEdits)(pair);
		if (!kind) continue;
		edits.push({ at, pair, side, kind });
		made++;
		if (made % 50 === 0) progress(`edit ${made}`);
		await paced();
	}
}
