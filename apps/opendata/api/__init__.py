"""The open-data API (DESIGN §5, §6): `/api/v1/`, read-only JSON of public records.

Built over the module registry like the public pages: every registered module gets a list, a
detail and a schema in the OpenAPI document without code of its own. Every row comes from
`Model.objects.public()`, and only the module's `semua_public_fields` (plus the public fields
of its public child rows) are ever serialised.
"""
