/** Rankr's records, shaped exactly as the contract's schemas (docs/rankr-openapi.yaml). */
export type CustomFieldValue = string | number | boolean | null;

/** Where a record came from, or which system a change came from (a write's Rankr-Origin). */
export type System = 'ghl' | 'clio' | 'rankr';

/** One outside record a Rankr record is linked to, with what the integration saw at its last sync. */
export interface Link {
	system: 'ghl' | 'clio';
	id: string;
	account?: string | null;
	version?: string | null;
	syncedAt?: string | null;
	snapshot?: Record<string, unknown> | null;
}

export type TaskStatus = 'pending' | 'in_progress' | 'in_review' | 'complete';

export interface Contact {
	id: string;
	externalRef: string | null;
	email: string | null;
	phone: string | null;
	firstName: string | null;
	lastName: string | null;
	companyName: string | null;
	website: string | null;
	address1: string | null;
	city: string | null;
	state: string | null;
	postalCode: string | null;
	country: string | null;
	timezone: string | null;
	source: string | null;
	dnd: boolean;
	customFields: Record<string, CustomFieldValue>;
	tags: string[];
	/** The tags the linked external record last supplied (kept by the integration; null until it records one). */
	externalTags: string[] | null;
	score: number;
	/** Set when archived: the contact and all it holds are kept, just marked out of use. */
	archivedAt: string | null;
	links: Link[];
	/** Where the contact came from (`source` is the lead source text). */
	sourceSystem: System;
	createdAt: string;
	updatedAt: string;
}

/** The writable fields (ContactFields): `archived` sets or clears archivedAt. */
export type ContactInput = Partial<Omit<Contact, 'id' | 'score' | 'archivedAt' | 'createdAt' | 'updatedAt'>> & { archived?: boolean };

export interface Task {
	id: string;
	contactId: string;
	externalRef: string | null;
	title: string;
	description: string | null;
	dueAt: string | null;
	assignee: string | null;
	completed: boolean;
	completedAt: string | null;
	/** `completed` is `status === 'complete'`. */
	status: TaskStatus;
	source: System;
	links: Link[];
	createdAt: string;
	updatedAt: string;
}
export type TaskInput = Partial<Pick<Task, 'externalRef' | 'title' | 'description' | 'dueAt' | 'assignee' | 'completed' | 'status' | 'source' | 'links'>>;

export interface Note {
	id: string;
	contactId: string;
	externalRef: string | null;
	body: string;
	source: System;
	links: Link[];
	createdAt: string;
	updatedAt: string;
}
export type NoteInput = Partial<Pick<Note, 'externalRef' | 'body' | 'source' | 'links'>>;

export interface ScoreChange {
	id: string;
	contactId: string;
	delta: number;
	score: number;
	reason: string | null;
	source: 'api' | 'rule';
	ruleId: string | null;
	eventId: string | null;
	createdAt: string;
}

export interface RuleCondition {
	field: string;
	equals: string | number | boolean;
}

export type RuleAction =
	| { type: 'addTag'; tag: string }
	| { type: 'removeTag'; tag: string }
	| { type: 'createTask'; title: string; description?: string; dueInDays?: number }
	| { type: 'adjustScore'; delta: number; reason?: string };

export interface Rule {
	id: string;
	name: string;
	enabled: boolean;
	eventType: string;
	conditions: RuleCondition[];
	actions: RuleAction[];
	createdAt: string;
	updatedAt: string;
}

export const WEBHOOK_EVENT_TYPES = [
	'contact.created',
	'contact.updated',
	'contact.deleted',
	'contact.merged',
	'task.created',
	'task.updated',
	'task.completed',
	'task.deleted',
	'note.created',
	'note.updated',
	'note.deleted',
	'tag.added',
	'tag.removed',
	'score.changed',
	'rule.fired',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** A subscription; `secret` is shown only in the create answer. */
export interface Webhook {
	id: string;
	url: string;
	events: WebhookEventType[];
	description: string | null;
	createdAt: string;
	secret: string;
}

export interface AppliedAction {
	ruleId: string;
	type: RuleAction['type'];
	tag?: string;
	taskId?: string;
	delta?: number;
	score?: number;
}

export interface EventResult {
	id: string;
	type: string;
	contactId: string;
	occurredAt: string;
	matchedRules: string[];
	actions: AppliedAction[];
}
