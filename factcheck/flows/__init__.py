"""Work that spans domains, in one thin layer above them: an article in, its claims found, tickets
made, matched with earlier ones, drafted, searched for sources (``ingest``, ``drafting``); the tasks
workers run (``tasks``); and who listens to which domain event (``listeners``).

Each domain owns its rules and says what happened; this layer only puts the steps in order. An
engine that needs no queue (the offline engine) runs each step's task at once, in the request; a
model's engine queues it for a worker. The task is the same either way.
"""
