import type { IDataObject } from 'n8n-workflow';

import { childIdOfRef, contactIdOfRef } from './refs';
import type { ChildKind } from './refs';

/**
 * A Rankr record's links to GHL (the contract's `links`, system ghl, account = location ID). A record
 * Sync Contact made has no link yet but its externalRef names the GHL record: that counts as a link too.
 */
export interface Link extends IDataObject {
	system: 'ghl' | 'clio';
	id: string;
	account?: string | null;
	version?: string | null;
	syncedAt?: string | null;
	snapshot?: IDataObject | null;
}

export const linksOf = (record: IDataObject): Link[] => (Array.isArray(record.links) ? (record.links as Link[]) : []);

const ofLocation = (locationId: string) => (l: Link) => l.system === 'ghl' && (l.account === undefined || l.account === null || l.account === locationId);

/** The GHL IDs a Rankr contact is linked to in this location: the externalRef's first, then its links. */
export function ghlContactLinks(locationId: string, contact: IDataObject): Link[] {
	const links = linksOf(contact).filter(ofLocation(locationId));
	const fromRef = contactIdOfRef(locationId, contact.externalRef as string | null);
	if (fromRef && !links.some((l) => l.id === fromRef)) return [{ system: 'ghl', id: fromRef, account: locationId }, ...links];
	if (fromRef) return [...links.filter((l) => l.id === fromRef), ...links.filter((l) => l.id !== fromRef)];
	return links;
}

/** The GHL task or note a Rankr child is linked to, if any. */
export function ghlChildLink(locationId: string, kind: ChildKind, child: IDataObject): Link | undefined {
	const link = linksOf(child).find(ofLocation(locationId));
	if (link) return link;
	const fromRef = childIdOfRef(locationId, kind, child.externalRef as string | null);
	return fromRef ? { system: 'ghl', id: fromRef, account: locationId } : undefined;
}

/** The record's links with this location's GHL links replaced by `keep` (other systems' links untouched). */
export function withGhlLinks(locationId: string, record: IDataObject, keep: Link[]): Link[] {
	return [...linksOf(record).filter((l) => !ofLocation(locationId)(l)), ...keep];
}

export function ghlLink(locationId: string, id: string, snapshot: IDataObject, version?: unknown): Link {
	return { system: 'ghl', id, account: locationId, version: version ? String(version) : null, syncedAt: new Date().toISOString(), snapshot };
}
