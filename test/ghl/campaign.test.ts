/**
 * Campaign → Add Contact / Remove Contact / Remove Contact From All Campaigns through n8n-core against the
 * sandbox: the request GHL received, the contact's campaigns after, and the items out.
 */
import type { GhlSandbox } from '../../sandbox/ghl';
import { runNode } from '../harness/runNode';
import { byId, GHL, ghlSuite } from './setup';

const { state, run } = ghlSuite({ seed: { contacts: 2 }, rateLimit: false });
const sb = (): GhlSandbox => state.sb;
const contacts = () => sb().store.contactsOf(sb().locationId);
const campaigns = () => [...sb().store.campaigns.values()].filter((c) => c.locationId === sb().locationId);
const memberOf = (contactId: string) => [...(sb().store.campaignMembers.get(contactId) ?? [])].sort();
const last = () => sb().requests[sb().requests.length - 1];
const ok = async (parameters: Record<string, unknown>, items?: Array<Record<string, unknown>>) => {
	const result = await run({ resource: 'campaign', ...parameters }, items);
	expect(result.error).toBeUndefined();
	return result.items.map((i) => i.json);
};

describe('Campaign → Add / Remove / Remove From All', () => {
	it('adds a contact to a campaign with the required empty JSON body GHL documents', async () => {
		const c = contacts()[0];
		const [campaign] = campaigns();
		const out = await ok({ operation: 'add', contactId: byId(c.id), campaignId: campaign.id });
		expect(sb().requests).toHaveLength(1);
		expect(last()).toMatchObject({ method: 'POST', path: `/contacts/${c.id}/campaigns/${campaign.id}`, query: {}, status: 201 });
		expect(last()).toMatchObject({ rawBody: '{}', body: {} });
		expect(last().headers['content-type']).toMatch(/^application\/json/);
		expect(out).toEqual([{ success: true, contactId: c.id, campaignId: campaign.id }]);
		expect(memberOf(c.id)).toEqual([campaign.id]);
	});

	it('sends the required empty JSON body with an OAuth2 credential too', async () => {
		const c = contacts()[0];
		const [campaign] = campaigns();
		const token = await fetch(`${sb().url}/oauth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ client_id: sb().oauth.clientId, client_secret: sb().oauth.clientSecret, grant_type: 'authorization_code', code: sb().oauth.authorizeCode() }).toString(),
		});
		const result = await runNode({
			type: GHL,
			parameters: { authentication: 'oAuth2', resource: 'campaign', operation: 'add', contactId: byId(c.id), campaignId: campaign.id },
			credentials: {
				ghlOAuth2Api: {
					grantType: 'authorizationCode',
					clientId: sb().oauth.clientId,
					clientSecret: sb().oauth.clientSecret,
					accessTokenUrl: `${sb().url}/oauth/token`,
					authentication: 'body',
					baseUrl: sb().url,
					oauthTokenData: (await token.json()) as Record<string, string>,
				},
			},
		});
		expect(result.error).toBeUndefined();
		expect(last()).toMatchObject({ method: 'POST', rawBody: '{}', status: 201 });
		expect(memberOf(c.id)).toEqual([campaign.id]);
	});

	it('removes a contact from one campaign and keeps the others', async () => {
		const c = contacts()[0];
		const [one, two] = campaigns();
		sb().store.campaignMembers.set(c.id, new Set([one.id, two.id]));
		const out = await ok({ operation: 'remove', contactId: byId(c.id), campaignId: one.id });
		expect(last()).toMatchObject({ method: 'DELETE', path: `/contacts/${c.id}/campaigns/${one.id}`, status: 200 });
		expect(out).toEqual([{ success: true, contactId: c.id, campaignId: one.id }]);
		expect(memberOf(c.id)).toEqual([two.id]);
	});

	it('removes a contact from every campaign', async () => {
		const c = contacts()[1];
		sb().store.campaignMembers.set(c.id, new Set(campaigns().map((x) => x.id)));
		const out = await ok({ operation: 'removeFromAll', contactId: byId(c.id) });
		expect(last()).toMatchObject({ method: 'DELETE', path: `/contacts/${c.id}/campaigns/removeAll`, status: 200 });
		expect(out).toEqual([{ success: true, contactId: c.id }]);
		expect(memberOf(c.id)).toEqual([]);
	});

	it("an unknown campaign is GHL's 400, as a NodeApiError with GHL's message", async () => {
		const result = await run({ resource: 'campaign', operation: 'add', contactId: byId(contacts()[0].id), campaignId: 'noSuchCampaign' });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('GHL answered 400: Campaign not found');
	});

	it('never lets a Remove given "removeAll" as the campaign reach the remove-from-all endpoint', async () => {
		const c = contacts()[0];
		sb().store.campaignMembers.set(c.id, new Set(campaigns().map((x) => x.id)));
		const result = await run({ resource: 'campaign', operation: 'remove', contactId: byId(c.id), campaignId: '={{ "removeAll" }}' });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe('Campaign: "removeAll" is not a campaign ID [item 0]');
		expect(sb().requests).toHaveLength(0);
		expect(memberOf(c.id)).toHaveLength(campaigns().length);
	});

	it('adds each input item\'s contact, paired; with Continue On Fail GHL refusals become error items', async () => {
		const [a, b] = contacts();
		const [campaign] = campaigns();
		const result = await run(
			{ resource: 'campaign', operation: 'add', contactId: byId('={{ $json.id }}'), campaignId: campaign.id },
			[{ id: a.id }, { id: 'unknownContact' }, { id: b.id }],
			true,
		);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items.map((i) => i.json.success ?? i.json.error)).toEqual([true, 'GHL answered 400: Contact not found', true]);
		expect(memberOf(a.id)).toEqual([campaign.id]);
		expect(memberOf(b.id)).toEqual([campaign.id]);
	});
});
