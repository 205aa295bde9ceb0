from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env")

    app_name: str = "coco-api"
    debug: bool = True  # Noncompliant RDY1106
    database_url: str


class WorkerSettings(BaseSettings):
    debug: bool = Field(default=True, description="verbose worker logs")  # Noncompliant RDY1106


class TestSettings(BaseSettings):
    debug: bool = True


settings = Settings()
