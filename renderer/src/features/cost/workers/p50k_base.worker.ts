import { countTokens } from 'gpt-tokenizer/encoding/p50k_base';
import { serveCounts } from './serveCounts';

serveCounts((text) => countTokens(text));
