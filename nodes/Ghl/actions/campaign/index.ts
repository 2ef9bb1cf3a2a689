import { campaign } from '../membership';

export const { operations, description } = campaign;
