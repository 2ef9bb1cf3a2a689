import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkNumber, invalid } from '../../../shared/validation';

export const SCORE_BOUND = 1_000_000;

export const reasonField: INodeProperties = {
	displayName: 'Reason',
	name: 'reason',
	type: 'string',
	default: '',
	placeholder: 'e.g. Completed the onboarding call',
	description: 'Why the score changes; kept in the score history',
};

export function getReason(this: IExecuteFunctions, itemIndex: number, required: boolean): string | undefined {
	const reason = String(this.getNodeParameter('reason', itemIndex, '') ?? '').trim();
	if (!reason) {
		if (required) throw invalid(this, 'Reason', itemIndex, 'is required but empty', 'Rankr keeps a reason with every adjustment.');
		return undefined;
	}
	if (reason.length > 500) throw invalid(this, 'Reason', itemIndex, 'is longer than 500 characters');
	return reason;
}

export function getWholeNumber(this: IExecuteFunctions, itemIndex: number, parameter: string, label: string): number {
	return checkNumber(this, this.getNodeParameter(parameter, itemIndex, 0), label, itemIndex, {
		integer: true,
		min: -SCORE_BOUND,
		max: SCORE_BOUND,
	});
}
