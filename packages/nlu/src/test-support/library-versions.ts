import { LocalNluModel } from '../model/local-nlu-model.js';

/**
 * The same trained model as if its manifest said it was trained with other data packages:
 * `changes` sets a package's version, or leaves it out (`undefined`), as a model trained before
 * that data existed would.
 */
export function trainedWith(
  model: LocalNluModel,
  changes: Readonly<Record<string, string | undefined>>,
): LocalNluModel {
  const libraryVersions = { ...model.info.libraryVersions };
  for (const [name, version] of Object.entries(changes)) {
    if (version === undefined) delete libraryVersions[name];
    else libraryVersions[name] = version;
  }
  return new LocalNluModel(
    { ...model.info, libraryVersions },
    model.intentModel,
    model.entityModel,
  );
}
