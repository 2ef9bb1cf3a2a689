/** In-memory state of one GHL sandbox: every location's records, seeded deterministically. */
import { prng } from '../shared/http';

export type Rec = Record<string, unknown> & { id: string };

export interface Contact extends Rec {
	locationId: string;
	tags: string[];
	customFields: Array<{ id: string; value: unknown }>;
	followers: string[];
	dateAdded: string;
	dateUpdated: string;
}

export interface Task extends Rec {
	contactId: string;
	title: string;
	completed: boolean;
	dateAdded: string;
	dateUpdated: string;
}

export interface Note extends Rec {
	contactId: string;
	body: string;
	dateAdded: string;
}

export interface SeedOptions {
	contacts?: number;
	tasksPerContact?: number;
	notesPerContact?: number;
	tags?: string[];
	random?: number;
}

const FIRST = ['Ada', 'Ben', 'Cleo', 'Dan', 'Eve', 'Finn', 'Gia', 'Hal', 'Ivy', 'Jon', 'Kai', 'Lea', 'Max', 'Nia', 'Otto', 'Pia'];
const LAST = ['Stone', 'Rivera', 'Khan', 'Novak', 'Okafor', 'Silva', 'Berg', 'Moreau', 'Tanaka', 'Walsh'];
const COMPANIES = ['Acme Dental', 'Blue Fern Spa', 'Cedar Law', 'Delta Roofing', 'Echo Fitness'];
export const DEFAULT_TAGS = ['lead', 'customer', 'vip', 'newsletter', 'cold', 'hot'];

let counter = 0;
/** GHL ids look like 20 alphanumerics. */
export function newId(prefix = ''): string {
	counter++;
	const base = (Date.now().toString(36) + counter.toString(36).padStart(6, '0') + 'abcdefghijklmnopqrst').slice(0, 20 - prefix.length);
	return prefix + base;
}

export class GhlStore {
	contacts = new Map<string, Contact>();
	tasks = new Map<string, Task>();
	notes = new Map<string, Note>();
	/** Location tags, by id. */
	tags = new Map<string, Rec & { name: string; locationId: string }>();
	businesses = new Map<string, Rec & { locationId: string; name: string }>();
	campaigns = new Map<string, Rec & { locationId: string; name: string; status: string }>();
	workflows = new Map<string, Rec & { locationId: string; name: string; status: string }>();
	users = new Map<string, Rec & { locationId: string; name: string; email: string }>();
	customFields = new Map<string, Rec & { locationId: string; name: string; fieldKey: string; dataType: string }>();
	appointments = new Map<string, Rec & { contactId: string; locationId: string }>();
	/** contactId → campaign ids / workflow ids the contact is in. */
	campaignMembers = new Map<string, Set<string>>();
	workflowMembers = new Map<string, Set<string>>();
	/**
	 * Whether task answers carry dateAdded, dateUpdated and completedAt. GHL's TaskSchema documents none of them
	 * (id, title, body, assignedTo, dueDate, completed, contactId), so by default the sandbox leaves them out.
	 */
	taskTimestamps = false;
	/**
	 * The location's "Allow Duplicate Contact" setting, a switch because GHL's spec does not say what a
	 * create does when it is off: true (the default) creates every contact as asked; false refuses a create
	 * whose email or phone another contact has, as GHL is reported to (400 "This location does not allow
	 * duplicated contacts." with meta.contactId and meta.matchingField).
	 */
	allowDuplicateContacts = true;
	private clock = 0;

	/** Strictly increasing timestamps so "updated since" cursors are testable. */
	now(): string {
		const t = Math.max(Date.now(), this.clock + 1);
		this.clock = t;
		return new Date(t).toISOString();
	}

	contactsOf(locationId: string): Contact[] {
		return [...this.contacts.values()].filter((c) => c.locationId === locationId);
	}

	addContact(locationId: string, fields: Record<string, unknown>): Contact {
		const now = this.now();
		const contact: Contact = {
			id: newId(),
			locationId,
			tags: [],
			customFields: [],
			followers: [],
			dnd: false,
			type: 'lead',
			...fields,
			dateAdded: (fields.dateAdded as string) ?? now,
			dateUpdated: now,
		} as Contact;
		normaliseContact(contact);
		this.contacts.set(contact.id, contact);
		return contact;
	}

	/** Changes a contact as GHL would (bumps dateUpdated). */
	updateContact(id: string, patch: Record<string, unknown>): Contact {
		const contact = this.contacts.get(id);
		if (!contact) throw new Error(`no contact ${id}`);
		Object.assign(contact, patch, { dateUpdated: this.now() });
		normaliseContact(contact);
		return contact;
	}

	deleteContact(id: string): void {
		this.contacts.delete(id);
		for (const [taskId, t] of this.tasks) if (t.contactId === id) this.tasks.delete(taskId);
		for (const [noteId, n] of this.notes) if (n.contactId === id) this.notes.delete(noteId);
	}

	addTask(contactId: string, fields: Record<string, unknown>): Task {
		const now = this.now();
		const task = { id: newId('t'), contactId, completed: false, body: '', ...fields, dateAdded: now, dateUpdated: now } as unknown as Task;
		this.tasks.set(task.id, task);
		return task;
	}

	updateTask(id: string, patch: Record<string, unknown>): Task {
		const task = this.tasks.get(id);
		if (!task) throw new Error(`no task ${id}`);
		Object.assign(task, patch, { dateUpdated: this.now() });
		return task;
	}

	/** A task as the API answers it: without the undocumented timestamps unless the switch is on. */
	taskView(task: Task): Record<string, unknown> {
		if (this.taskTimestamps) return { ...task };
		const { dateAdded: _added, dateUpdated: _updated, completedAt: _completed, ...documented } = task;
		return documented;
	}

	addNote(contactId: string, fields: Record<string, unknown>): Note {
		const note = { id: newId('n'), contactId, body: '', ...fields, dateAdded: this.now() } as Note;
		this.notes.set(note.id, note);
		return note;
	}

	/** Fills one location with people, tasks, notes and the lists the pickers read. */
	seed(locationId: string, options: SeedOptions = {}): void {
		const random = prng(options.random ?? 42);
		const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
		const tagNames = options.tags ?? DEFAULT_TAGS;
		for (const name of tagNames) this.tags.set(newId('g'), { id: '', name, locationId } as never);
		for (const [id, tag] of this.tags) tag.id = id;
		const users = ['Sam Seller', 'Una Support'].map((name, i) => {
			const user = { id: newId('u'), locationId, name, email: `user${i}@sandbox.test`, firstName: name.split(' ')[0], lastName: name.split(' ')[1] };
			this.users.set(user.id, user);
			return user;
		});
		for (const [name, fieldKey, dataType] of [
			['Lead Score', 'contact.lead_score', 'NUMERICAL'],
			['Favourite Colour', 'contact.favourite_colour', 'TEXT'],
		]) {
			const field = { id: newId('f'), locationId, name, fieldKey, dataType };
			this.customFields.set(field.id, field);
		}
		for (const name of ['Welcome Series', 'Re-engagement']) {
			const c = { id: newId('c'), locationId, name, status: 'published' };
			this.campaigns.set(c.id, c);
		}
		for (const name of ['New Lead Nurture', 'Appointment Reminder']) {
			const w = { id: newId('w'), locationId, name, status: 'published' };
			this.workflows.set(w.id, w);
		}
		const businesses = COMPANIES.map((name) => {
			const b = { id: newId('b'), locationId, name };
			this.businesses.set(b.id, b);
			return b;
		});
		const count = options.contacts ?? 0;
		const base = Date.now() - count * 60_000;
		for (let i = 0; i < count; i++) {
			const firstName = pick(FIRST);
			const lastName = pick(LAST);
			const business = random() < 0.3 ? pick(businesses) : undefined;
			const at = new Date(base + i * 60_000).toISOString();
			const contact = this.addContact(locationId, {
				firstName,
				lastName,
				email: `${firstName}.${lastName}.${i}@example.test`.toLowerCase(),
				phone: `+1415555${String(i % 10000).padStart(4, '0')}`,
				companyName: business?.name ?? pick(COMPANIES),
				businessId: business?.id,
				source: 'sandbox seed',
				tags: tagNames.filter(() => random() < 0.3),
				assignedTo: random() < 0.5 ? users[0].id : undefined,
				dateAdded: at,
			});
			contact.dateUpdated = at;
			for (let t = 0; t < (options.tasksPerContact ?? 0); t++) {
				this.addTask(contact.id, { title: `Follow up #${t + 1}`, body: 'Call back', dueDate: new Date(Date.parse(at) + 86_400_000).toISOString(), assignedTo: users[1].id });
			}
			for (let n = 0; n < (options.notesPerContact ?? 0); n++) {
				this.addNote(contact.id, { body: `Note ${n + 1} about ${firstName}`, userId: users[0].id });
			}
		}
	}
}

/** GHL derives these from the fields it was given. */
function normaliseContact(c: Contact): void {
	const first = (c.firstName as string | undefined) ?? '';
	const last = (c.lastName as string | undefined) ?? '';
	if (first || last) c.contactName = `${first} ${last}`.trim();
	if (!c.name && (first || last)) c.name = `${first} ${last}`.trim();
	if (typeof c.email === 'string') c.email = c.email.toLowerCase();
	c.tags = [...new Set((c.tags ?? []).map((t) => String(t).toLowerCase()))];
}
