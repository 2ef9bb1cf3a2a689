/** Jest global teardown of the e2e suite: stops the shared queue-mode cluster, if a test file started one. */
import { QueueCluster } from './queue';

export default async function queueGlobalTeardown(): Promise<void> {
	await QueueCluster.stopShared();
}
