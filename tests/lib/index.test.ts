import { describe, expect, it } from 'vitest';
import * as lib from '../../src/lib';

describe('public API of src/lib (a contract other code and outside tools rely on)', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(lib).sort()).toEqual(
      [
        'LIMITS',
        'activationIds',
        'activations',
        'bce',
        'binaryLossIds',
        'binaryLosses',
        'logSumExp',
        'mse',
        'softmax',
        'softmaxCrossEntropy',
        'chainRuleBound',
        'createNetwork',
        'createRng',
        'erf',
        'erfc',
        'forward',
        'getActivation',
        'gradientFlow',
        'initIds',
        'initVariance',
        'inits',
        'isActivationId',
        'isInitId',
        'meanFieldPrediction',
        'normalCdf',
        'normalPdf',
        'predictedGradientNorms',
        'randomNormal',
        'randomUniform',
        'readoutIds',
        'releaseWorkspace',
        'seedToUint32',
        'sigmoid',
        'sigmoidDerivative',
        'standardNormalInput',
        'theoreticalVarianceFactor',
        'validateNetworkSpec',
        'withActivation',
        // Training lab (issue #12).
        'createTrainer',
        'datasetIds',
        'DIVERGENCE_LIMIT',
        'lossIds',
        'makeDataset',
        'normIds',
        'optimizerIds',
        'parameterLayout',
        'TRAIN_LIMITS',
        'validateDatasetSpec',
        'validateTrainerSpec',
      ].sort(),
    );
  });

  it('returns every documented field from gradientFlow, each per-layer one a Float64Array of length depth', () => {
    const net = lib.createNetwork({ depth: 3, width: 4, activation: 'tanh', init: 'xavier', seed: 1 });
    const r = lib.gradientFlow(net, lib.standardNormalInput(4, 2, 1), 2);
    const perLayer = [
      'weightGradNorm',
      'biasGradNorm',
      'activationGradNorm',
      'mean',
      'std',
      'preActMean',
      'preActStd',
      'meanAbsDerivative',
      'saturatedFraction',
      'deadFraction',
    ] as const;
    expect(Object.keys(r).sort()).toEqual(
      ['activation', 'batch', 'depth', 'loss', 'readout', 'width', ...perLayer].sort(),
    );
    for (const key of perLayer) {
      expect(r[key]).toBeInstanceOf(Float64Array);
      expect(r[key]).toHaveLength(3);
    }
  });

  it('keeps the network shape { spec, layers: { weights, bias }[] }', () => {
    const net = lib.createNetwork({ depth: 2, width: 3, activation: 'relu', init: 'he', seed: 1 });
    expect(Object.keys(net).sort()).toEqual(['layers', 'spec']);
    expect(Object.keys(net.layers[0]).sort()).toEqual(['bias', 'weights']);
  });
});
