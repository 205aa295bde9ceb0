from pydantic import Field
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    app_name: str = "coco-api"
    debug: bool = False
    database_url: str


class WorkerSettings(BaseSettings):
    debug: bool = Field(default=False, description="verbose worker logs")


settings = Settings()
