"""Cluster mode: the Argos engines' batch loop run on Ray, for corpora one machine cannot carry.

The pipeline stays the one pipeline. `ClusterSession.distribute` turns the engines
`open_engine` returns into `ClusterEngine`s that tokenise and cut exactly the batches the local
engine would (same dedup, sort and batch size, from `Engine.translate_batch`), and hand them to
the job's pool of Ray actors (started once per job, each loading a package once); the hypotheses
come back unchanged, so memory, glossary protection and restoration, checks and catalog writers
never know.

Modules: `session` (connect, size, wrap engines), `engine` (the distributed batch loop),
`actor` (what runs on a worker), `shipping` (model packages through the object store),
`checkpoint` (finished batches on disk, for resuming), `wire` (batches and results as text).
Nothing here imports Ray at module import: `session.import_ray()` does, when asked to.
"""
