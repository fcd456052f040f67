"""Batch conversion: folders and files in, one record (or error record) per document out.

`listing` finds the documents and the records an earlier run left, `run` drives a batch, `executor` is
where the workers are chosen (`pool`: local processes running `worker`;
`cluster`: a Dask cluster whose workers host such processes, `cluster_worker`), `output` writes the outcomes
and `progress` shows them.
"""

from inspextract.batch.listing import Found, find_documents
from inspextract.batch.run import BatchOptions, BatchSummary, run_batch
from inspextract.batch_folder import ERRORS_FILE

__all__ = ["ERRORS_FILE", "BatchOptions", "BatchSummary", "Found", "find_documents", "run_batch"]
