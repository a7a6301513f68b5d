import { describe, expect, it } from 'vitest';
import { MemoryChangeBus } from '../../src/live/change-bus.js';
import { assetTopic, jobTopic, type ChangeEvent } from '../../src/live/change-event.js';

const assetChange = (source: string, nativeId: string): ChangeEvent => ({
  type: 'asset',
  id: `${source}-${nativeId}-${Math.random()}`,
  source,
  nativeId,
  kind: 'UPDATED',
  status: 'AVAILABLE',
  cause: 'WRITE',
  at: new Date().toISOString(),
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('change bus', () => {
  it('hands a listener of given topics only the changes of those assets and jobs; a listener of everything gets all', async () => {
    const bus = new MemoryChangeBus();
    const ofTopics: string[] = [];
    const ofAll: string[] = [];
    bus.listen((event) => ofTopics.push(event.type === 'asset' ? event.nativeId : event.jobId), [assetTopic('iconik-demo', 'a1'), jobTopic('j1')]);
    bus.listen((event) => ofAll.push(event.type === 'asset' ? event.nativeId : event.jobId));
    await bus.publish(assetChange('iconik-demo', 'a1'));
    await bus.publish(assetChange('iconik-demo', 'a2'));
    await bus.publish(assetChange('nomad-demo', 'a1')); // the same native id in another source
    await bus.publish({ type: 'job', jobId: 'j1', at: new Date().toISOString() });
    await bus.publish({ type: 'job', jobId: 'j2', at: new Date().toISOString() });
    await settle();
    expect(ofTopics).toEqual(['a1', 'j1']);
    expect(ofAll).toEqual(['a1', 'a2', 'a1', 'j1', 'j2']);
  });

  it('stops handing changes to a listener once it stops listening, and keeps the others of its topics', async () => {
    const bus = new MemoryChangeBus();
    const first: string[] = [];
    const second: string[] = [];
    const stop = bus.listen((event) => first.push(event.type), [assetTopic('iconik-demo', 'a1'), assetTopic('iconik-demo', 'a2')]);
    bus.listen((event) => second.push(event.type), [assetTopic('iconik-demo', 'a1')]);
    stop();
    await bus.publish(assetChange('iconik-demo', 'a1'));
    await bus.publish(assetChange('iconik-demo', 'a2'));
    await settle();
    expect(first).toEqual([]);
    expect(second).toEqual(['asset']);
  });
});
