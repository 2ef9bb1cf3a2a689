import { workflow } from '../membership';

export const { operations, description } = workflow;
