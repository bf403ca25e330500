import {
  GetResourcesCommand,
  type GetResourcesCommandOutput,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api';
import type { Collector, CollectorContext } from '../collector.ts';
import { tagsToRecord } from './support/tags-to-record.ts';

/** The tagging API's largest page. */
const RESOURCES_PER_PAGE = 100;

async function readTags(context: CollectorContext): Promise<Record<string, Record<string, string>>> {
  const client = context.client(ResourceGroupsTaggingAPIClient);
  const resources: Record<string, Record<string, string>> = {};
  let token: string | undefined;
  do {
    const page: GetResourcesCommandOutput = await client.send(
      new GetResourcesCommand({
        ResourcesPerPage: RESOURCES_PER_PAGE,
        ...(token === undefined ? {} : { PaginationToken: token }),
      }),
      { abortSignal: context.signal },
    );
    for (const mapping of page.ResourceTagMappingList ?? [])
      if (mapping.ResourceARN !== undefined) resources[mapping.ResourceARN] = tagsToRecord(mapping.Tags);
    // The last page carries an empty token.
    token = page.PaginationToken || undefined;
  } while (token !== undefined);
  return resources;
}

/**
 * The tagging API in one region: every tagged resource's ARN and tags, across services, for attributing
 * findings to owners. Pages of 100, the API's maximum.
 */
export const taggingCollector: Collector = {
  service: 'tagging',
  scope: 'regional',
  operations: [{ client: 'ResourceGroupsTaggingAPI', operation: 'GetResources' }],
  async collect(context, target) {
    const resources = await context.attempt('GetResources', () => readTags(context));
    if (resources) target.regional.tagging = { resources };
  },
};
