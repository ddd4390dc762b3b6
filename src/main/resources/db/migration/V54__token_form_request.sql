-- The form that made a personal access token, by a random id drawn into it when it was shown (ADR 0065): a second
-- POST of the same form (a refresh of the page that showed the secret, a double click) makes no second token. Tokens
-- made before, or by a caller that sends no id, have none; NULLs never collide in a unique constraint.
alter table personal_access_token add column form_request uuid;

alter table personal_access_token
    add constraint personal_access_token_form_request_unique unique (account_id, form_request);
