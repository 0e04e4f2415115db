import { countTokens } from 'gpt-tokenizer/encoding/r50k_base';
import { serveCounts } from './serveCounts';

serveCounts((text) => countTokens(text));
