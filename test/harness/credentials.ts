/**
 * Credentials as n8n's own CredentialsHelper treats them: generic `authenticate` blocks resolved as
 * expressions, preAuthentication for expirable fields, OAuth2 parents, token updates stored back.
 * Our node code runs unchanged on top of it.
 */
import { Credentials } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper, isExpression } from 'n8n-workflow';

import { GhlApi } from '../../credentials/GhlApi.credentials';
import { GhlOAuth2Api } from '../../credentials/GhlOAuth2Api.credentials';
import { RankrApi } from '../../credentials/RankrApi.credentials';

/** Our credential classes. */
export const credentialClasses: ICredentialType[] = [new GhlApi(), new GhlOAuth2Api(), new RankrApi()];

export function registerCredentialType(type: ICredentialType): void {
	if (!credentialClasses.some((c) => c.name === type.name)) credentialClasses.push(type);
}

function credentialType(name: string): ICredentialType {
	const found = credentialClasses.find((c) => c.name === name);
	if (!found) throw new Error(`Unknown credential type ${name}`);
	return found;
}

export class TestCredentialsHelper extends ICredentialsHelper {
	/** Stored credential data by type: what n8n would keep encrypted in its database. */
	readonly store = new Map<string, ICredentialDataDecryptedObject>();
	/** How often n8n would have written token data back (OAuth refresh, preAuthentication). */
	tokenUpdates = 0;

	constructor(initial: Record<string, ICredentialDataDecryptedObject> = {}) {
		super();
		for (const [type, data] of Object.entries(initial)) this.store.set(type, { ...data });
	}

	getParentTypes(name: string): string[] {
		const type = credentialClasses.find((c) => c.name === name);
		return type?.extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const options = requestOptions as IHttpRequestOptions;
		const auth = credentialType(typeName).authenticate;
		if (!auth) return options;
		if (typeof auth === 'function') return await auth(credentials, options);
		if (!workflow || !node) throw new Error('authenticate needs the workflow and node');
		for (const [outerKey, entries] of Object.entries(auth.properties)) {
			const target = ((options as unknown as Record<string, Record<string, unknown>>)[outerKey] ??= {});
			for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
				target[String(this.resolve(key, credentials, workflow, node))] = this.resolve(value, credentials, workflow, node);
			}
		}
		return options;
	}

	private resolve(value: unknown, credentials: ICredentialDataDecryptedObject, workflow: Workflow, node: INode): unknown {
		if (!isExpression(value)) return value;
		return workflow.expression.getSimpleParameterValue(
			node,
			value as string,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = credentialType(typeName);
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && credentials[expirable.name] !== undefined && !credentialsExpired) {
			return undefined;
		}
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		this.store.set(typeName, { ...(this.store.get(typeName) ?? {}), ...output } as ICredentialDataDecryptedObject);
		this.tokenUpdates++;
		return Object.assign(credentials, output) as ICredentialDataDecryptedObject;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = credentialType(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(_details: INodeCredentialsDetails, _type: string) {
		return new Credentials({ id: null, name: '' }, '', '');
	}

	async getDecrypted(
		_additionalData: unknown,
		_details: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.store.get(type);
		if (!data) throw new Error(`No test credentials of type ${type}`);
		// A copy, as n8n decrypts a fresh object for every call.
		return JSON.parse(JSON.stringify(data)) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(_details: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject) {
		this.store.set(type, { ...data });
		this.tokenUpdates++;
	}

	async updateCredentialsOauthTokenData(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.store.set(type, { ...(this.store.get(type) ?? {}), oauthTokenData: data.oauthTokenData });
		this.tokenUpdates++;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialType(type).properties;
	}
}
