// The preset networks the Training view, the builder and the Compare lab offer (renderer): the engine's one definition of them.
export { EXERCISE_PRESETS, FASHION_CONVNET_ID, NETWORK_PRESETS, presetById, type NetworkPreset } from '../../engine/network/networkPresets.js';
