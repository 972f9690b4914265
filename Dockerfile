# Production image: gunicorn serving the portal; settings come from the environment
# (DATABASE_URL, DJANGO_SECRET_KEY, DJANGO_DEBUG=0, DJANGO_ALLOWED_HOSTS, ...).
# The task worker runs from the same image: `python manage.py db_worker`.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_DEBUG=0
WORKDIR /app
RUN useradd --system --home /app bawaslu
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# collectstatic needs settings but no database; a throwaway key and URL satisfy them.
RUN DJANGO_SECRET_KEY=build-only DATABASE_URL=postgres://build@localhost/build \
    python manage.py collectstatic --noinput -v 0
USER bawaslu
EXPOSE 8000
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
CMD ["gunicorn", "datacenter.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
