import { follower } from '../membership';

export const { operations, description } = follower;
